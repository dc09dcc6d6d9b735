import { t } from './i18n.js';

/** The signed-in person, as `me` answers. */
export interface Me {
  id: number;
  username: string;
  role: 'ADMIN' | 'BASE_OPERATOR' | 'UNION_ORGANISER' | 'UNION_APPROVER' | 'PARTNER';
  baseId: number | null;
  unionId: number | null;
  regionId: number | null;
}

const TOKEN_KEY = 'rr-console-token';

/** A GraphQL error as the API sends it: a message a person can act on and a code. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly field: string | null,
  ) {
    super(message);
  }
}

/** The token lives for the tab (sessionStorage): closing the tab signs out; the API's 12-hour expiry still applies. */
export const session = {
  token: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  set: (token: string): void => sessionStorage.setItem(TOKEN_KEY, token),
  clear: (): void => sessionStorage.removeItem(TOKEN_KEY),
};

let onSignedOut: () => void = () => undefined;
/** Called when the API says the token is no longer good (expired, revoked, account changed). */
export function whenSignedOut(callback: () => void): void {
  onSignedOut = callback;
}

/** One GraphQL call to the same origin; the first error is thrown as an ApiError. */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const token = session.token();
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError(t('err.network'), 'NETWORK', null);
  }
  let body: { data?: T; errors?: Array<{ message: string; extensions?: { code?: string; field?: string } }> };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new ApiError(t('err.server', { status: String(response.status) }), 'SERVER', null);
  }
  const first = body.errors?.[0];
  if (first) {
    const code = first.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
    if (code === 'UNAUTHENTICATED' && token) {
      session.clear();
      onSignedOut();
    }
    throw new ApiError(first.message, code, first.extensions?.field ?? null);
  }
  return body.data as T;
}

/** A file the API serves behind the same sign-in (downloads), saved under its own name. */
export async function download(path: string, filename: string): Promise<void> {
  const token = session.token();
  const response = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!response.ok) {
    const text = await response.text();
    let message = text;
    try {
      message = (JSON.parse(text) as { errors?: Array<{ message: string }> }).errors?.[0]?.message ?? text;
    } catch {
      /* plain text */
    }
    const refusal = fileRouteError(text);
    if (refusal) throw refusal;
    throw new ApiError(message || t('err.server', { status: String(response.status) }), 'DOWNLOAD', null);
  }
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const ME = 'query { me { id username role baseId unionId regionId } }';

/** One bad cell of an uploaded file, as the file routes name it: the sheet's row and its own column header. */
export interface RowProblem {
  row: number;
  column: string;
  message: string;
}

/** A refusal of the file routes (`{ error: { code, message, field, rows? } }`), with the rows a person can fix. */
export class FileRouteError extends ApiError {
  constructor(
    message: string,
    code: string,
    field: string | null,
    readonly rows: RowProblem[],
  ) {
    super(message, code, field);
  }
}

/** The file routes answer errors as `{ error: { code, message, … } }`, not GraphQL's `errors` list; null when the body is not that. */
export function fileRouteError(text: string): FileRouteError | null {
  try {
    const body = JSON.parse(text) as { error?: { code?: string; message?: string; field?: string; rows?: RowProblem[] } };
    if (!body.error?.message) return null;
    return new FileRouteError(body.error.message, body.error.code ?? 'other', body.error.field ?? null, body.error.rows ?? []);
  } catch {
    return null;
  }
}

/** Sends a file as multipart field `file` behind the same sign-in; answers the route's JSON, or throws its refusal. */
export async function uploadFile<T>(path: string, file: File): Promise<T> {
  const token = session.token();
  const form = new FormData();
  form.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch(path, { method: 'POST', body: form, headers: token ? { authorization: `Bearer ${token}` } : {} });
  } catch {
    throw new ApiError(t('err.network'), 'NETWORK', null);
  }
  const text = await response.text();
  if (response.ok) return JSON.parse(text) as T;
  throw fileRouteError(text) ?? new ApiError(t('err.server', { status: String(response.status) }), 'SERVER', null);
}
