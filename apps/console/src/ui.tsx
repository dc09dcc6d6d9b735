import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from './api.js';
import { t } from './i18n.js';

/** An error in words: what kind of problem (translated), then the API's own sentence saying what to do. */
export function ErrorBox({ error }: { error: unknown }) {
  if (!error) return null;
  const api = error instanceof ApiError ? error : null;
  const code = api?.code ?? 'other';
  const headline = t(`code.${code}`) === `code.${code}` ? t('code.other') : t(`code.${code}`);
  const detail = api ? api.message : error instanceof Error ? error.message : '';
  return (
    <div class="error" role="alert" data-code={code}>
      <strong>{headline}</strong>
      {detail && detail !== headline ? <span>: {detail}</span> : null}
    </div>
  );
}

export interface Loaded<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/** Loads on mount and whenever `deps` change; `reload` loads again (after an action). */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: unknown; loading: boolean }>({ data: null, error: null, loading: true });
  const [round, setRound] = useState(0);
  const latest = useRef(0);
  useEffect(() => {
    const mine = ++latest.current;
    setState((s) => ({ ...s, loading: true, error: null }));
    load().then(
      (data) => mine === latest.current && setState({ data, error: null, loading: false }),
      (error: unknown) => mine === latest.current && setState({ data: null, error, loading: false }),
    );
  }, [...deps, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { ...state, reload };
}

/** Shows a load's error or a spinner line, else its content. */
export function Loading<T>({ state, children }: { state: Loaded<T>; children: (data: T) => ComponentChildren }) {
  if (state.error) return <ErrorBox error={state.error} />;
  if (state.data === null) return <p class="muted">{t('common.loading')}</p>;
  return <>{children(state.data)}</>;
}

/** A button that runs an async action, disables itself meanwhile and reports the error beside it. */
export function ActionButton({ label, run, kind, testId, confirmText }: { label: string; run: () => Promise<unknown>; kind?: 'primary' | 'danger'; testId?: string; confirmText?: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const click = () => {
    if (confirmText && !window.confirm(confirmText)) return;
    setBusy(true);
    setError(null);
    run().then(
      () => setBusy(false),
      (e: unknown) => {
        setBusy(false);
        setError(e);
      },
    );
  };
  return (
    <span class="action">
      <button type="button" class={kind ?? ''} disabled={busy} onClick={click} data-testid={testId}>
        {label}
      </button>
      <ErrorBox error={error} />
    </span>
  );
}

/** A form whose submit runs an async action; its error shows under it, and `done` after success. */
export function Form({ onSubmit, submitLabel, children, testId, done }: { onSubmit: () => Promise<unknown>; submitLabel: string; children: ComponentChildren; testId?: string; done?: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [ok, setOk] = useState(false);
  const submit = (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setOk(false);
    onSubmit().then(
      () => {
        setBusy(false);
        setOk(true);
      },
      (e: unknown) => {
        setBusy(false);
        setError(e);
      },
    );
  };
  return (
    <form onSubmit={submit} data-testid={testId} class="form">
      {children}
      <div class="form-actions">
        <button type="submit" class="primary" disabled={busy}>
          {submitLabel}
        </button>
        {ok && done ? <span class="ok">{done}</span> : null}
      </div>
      <ErrorBox error={error} />
    </form>
  );
}

/** A labelled input bound to a string state. */
export function Field({
  label,
  value,
  set,
  type,
  name,
  required,
  min,
  max,
}: {
  label: string;
  value: string;
  set: (v: string) => void;
  type?: 'text' | 'password' | 'date' | 'number' | 'email' | 'tel';
  name: string;
  required?: boolean;
  min?: string;
  max?: string;
}) {
  return (
    <label class="field">
      <span>{label}</span>
      {/* eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- preact's input types narrow `type` per variant; tsc needs the cast */}
      <input name={name} type={(type ?? 'text') as 'text'} value={value} required={required} min={min} max={max} onInput={(e) => set(e.currentTarget.value)} />
    </label>
  );
}

export function Section({ title, children, testId }: { title: string; children: ComponentChildren; testId?: string }) {
  return (
    <section class="card" data-testid={testId}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

/** A page of a GraphQL connection. */
export interface Page<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ node: T }>;
}

/**
 * A long list read a page at a time (the API's `first`/`after`): the first page on mount and when
 * `deps` change, the next on "load more".
 */
export function usePaged<T>(load: (after: string | null) => Promise<Page<T>>, deps: unknown[]) {
  const [items, setItems] = useState<T[]>([]);
  const [page, setPage] = useState<Page<T> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    setError(null);
    load(null).then(
      (p) => {
        if (!live) return;
        setItems(p.edges.map((e) => e.node));
        setPage(p);
      },
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [...deps, round]);
  const more = async () => {
    if (!page?.pageInfo.hasNextPage) return;
    const next = await load(page.pageInfo.endCursor);
    setItems((old) => [...old, ...next.edges.map((e) => e.node)]);
    setPage(next);
  };
  return { items, page, error, more, reload: () => setRound((r) => r + 1) };
}

/** Footer of a paged list: how many of how many, and the button for more. */
export function PageFooter({ shown, page, more }: { shown: number; page: Page<unknown> | null; more: () => Promise<void> }) {
  if (!page) return null;
  return (
    <div class="page-footer">
      <span class="muted">
        {shown} / {t('common.of', { total: page.totalCount })}
      </span>
      {page.pageInfo.hasNextPage ? <ActionButton label={t('common.more')} run={more} testId="more" /> : null}
    </div>
  );
}

/** Today in Shanghai, as the API counts days. */
export function today(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
