import { randomUUID } from 'node:crypto';
import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { DomainException } from '../errors/domain.exception.js';
import { type Actor, SYSTEM_ACTOR } from './actor.js';

/**
 * A context bound to a transaction: the only kind a method that writes, or reads under a lock,
 * accepts, so calling such a method outside a transaction is a compile error, not a 500. Only
 * `TransactionRunner.transaction()` (through `withManager`) makes one.
 */
export type TxContext = RequestContext & { readonly em: EntityManager };

/**
 * The explicit context every service method takes first: who acts, which request this is, and —
 * inside a unit of work — the transaction's EntityManager. Immutable: joining a transaction makes a
 * copy with DataLoaders of its own, which read through that transaction and end with it (a loader of
 * the request would keep whichever manager first used it: a closed transaction's, or on SQLite the
 * queue the transaction itself holds).
 */
export class RequestContext {
  private constructor(
    readonly actor: Actor | null,
    readonly requestId: string,
    readonly em: EntityManager | undefined,
    private readonly loaders: Map<string, DataLoader<unknown, unknown>>,
  ) {}

  static anonymous(requestId: string = randomUUID()): RequestContext {
    return new RequestContext(null, requestId, undefined, new Map());
  }

  static forActor(actor: Actor, requestId: string = randomUUID()): RequestContext {
    return new RequestContext(Object.freeze({ ...actor }), requestId, undefined, new Map());
  }

  /** Background jobs (the hold sweep, start-up seeding) act as the system. */
  static system(): RequestContext {
    return new RequestContext(SYSTEM_ACTOR, randomUUID(), undefined, new Map());
  }

  withManager(em: EntityManager): TxContext {
    return new RequestContext(this.actor, this.requestId, em, em === this.em ? this.loaders : new Map<string, DataLoader<unknown, unknown>>()) as TxContext;
  }

  /** Whether this context is bound to a transaction (its manager is the transaction's). */
  inTransaction(): this is TxContext {
    return this.em !== undefined;
  }

  /** The acting user; UNAUTHENTICATED when nobody is signed in. */
  requireActor(): Actor {
    if (!this.actor) throw DomainException.unauthenticated();
    return this.actor;
  }

  /**
   * The rows that belong to `key` (a batch's events, a bill's lines …), read for all the keys asked
   * for in one tick with one `fetch`; `keyOf` says whose a row is. Rows keep the order `fetch` gives.
   */
  loadGroup<T>(name: string, key: number, fetch: (keys: number[]) => Promise<T[]>, keyOf: (row: T) => number): Promise<T[]> {
    return this.loader<number, T[]>(name, async (keys) => {
      const groups = new Map<number, T[]>(keys.map((k) => [k, []]));
      for (const row of await fetch([...keys])) groups.get(keyOf(row))?.push(row);
      return keys.map((k) => groups.get(k)!);
    }).load(key);
  }

  /** One DataLoader per name per request, so nested relations cost one query per level. */
  loader<K, V>(name: string, batch: (keys: readonly K[]) => Promise<Array<V | Error>>): DataLoader<K, V> {
    let loader = this.loaders.get(name) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V>(batch, { maxBatchSize: 500 });
      this.loaders.set(name, loader);
    }
    return loader;
  }
}
