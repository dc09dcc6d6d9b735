import { Injectable } from '@nestjs/common';
import { type Batch, BatchQueryService } from '@app/booking';
import { checkPageSize, type ConnectionShape, decodeCursor, DomainException, pageNewestFirst, Permission, nowToTheSecond, type RequestContext, TransactionRunner } from '@app/shared';
import { PaperworkAccessService } from '../paperwork-access/paperwork-access.service.js';
import { AccessChannel, PersonalDataAccess } from './personal-data-access.entity.js';
import { PersonalDataCipher, type PersonalField } from './personal-data.cipher.js';

/** A listed person as far as revealing needs: their list and the encrypted values (a Participant row). */
export interface EncryptedPerson {
  id: number;
  batchId: number;
  idNumberCipher: string;
  phoneCipher: string;
}

const CIPHER_COLUMN: Record<PersonalField, 'idNumberCipher' | 'phoneCipher'> = { idNumber: 'idNumberCipher', phone: 'phoneCipher' };

export interface AccessLogFilter {
  batchId?: number | null;
  actorId?: number | null;
}

/** Hands out unmasked personal data, and writes down every time it does, before it does. */
@Injectable()
export class PersonalDataAccessService {
  constructor(
    private readonly db: TransactionRunner,
    private readonly cipher: PersonalDataCipher,
    private readonly batches: BatchQueryService,
    private readonly access: PaperworkAccessService,
  ) {}

  /**
   * Only the batch's own organiser (or the partner standing in for a union without one, who registers
   * the people as the organiser would) and the hosting base's operator need the full values.
   */
  mayRead(ctx: RequestContext, batch: Batch): Promise<boolean> {
    return this.access.may(ctx, Permission.ReadPersonalData, batch);
  }

  /**
   * The full value of one field of a participant. Batched per request and field: a list of 500
   * people costs one log row per batch, written before any value is returned.
   */
  reveal(ctx: RequestContext, participant: EncryptedPerson, field: PersonalField): Promise<string> {
    // Keys are fresh objects, so nothing is cached across fields; idNumber and phone of one list
    // still land in the same batch (same tick) and so in one log row per batch.
    return ctx
      .loader<{ participant: EncryptedPerson; field: PersonalField }, string>('reveal', async (keys) => {
        const byBatch = new Map<number, { people: Set<number>; fields: Set<PersonalField> }>();
        for (const { participant: p, field: f } of keys) {
          const entry = byBatch.get(p.batchId) ?? { people: new Set(), fields: new Set() };
          entry.people.add(p.id);
          entry.fields.add(f);
          byBatch.set(p.batchId, entry);
        }
        // All batches at once, so the batch loader reads them in one query.
        const batches = await Promise.all([...byBatch.keys()].map((id) => this.batches.loadVisible(ctx, id)));
        // Whether their unions have organisers is looked up once for all of them, when it matters.
        const mayRead = await Promise.all(batches.map((b) => (b ? this.mayRead(ctx, b) : Promise.resolve(false))));
        const allowed = new Set(batches.filter((b, i) => b && mayRead[i]).map((b) => b!.id));
        if (allowed.size) {
          await this.record(
            ctx,
            [...allowed].map((batchId) => {
              const entry = byBatch.get(batchId)!;
              return { batchId, participantCount: entry.people.size, fields: [...entry.fields].sort().join(','), channel: AccessChannel.GRAPHQL };
            }),
          );
        }
        return keys.map(({ participant: p, field: f }) =>
          allowed.has(p.batchId)
            ? this.cipher.decrypt(f, p[CIPHER_COLUMN[f]])
            : DomainException.forbidden(`Only the batch's own organiser (or the partner standing in for it) and the hosting base's operator see the full ${f}; ask for ${f}Masked instead`, {
                field: f,
              }),
        );
      })
      .load({ participant, field });
  }

  /** Writes access rows in their own transaction (or the caller's, when inside one). */
  async record(ctx: RequestContext, reads: Array<{ batchId: number; participantCount: number; fields: string; channel: AccessChannel }>): Promise<void> {
    const actor = ctx.requireActor();
    const at = nowToTheSecond();
    const rows = reads.map((r) => ({ ...r, at, actorId: actor.userId, actorUsername: actor.username, actorRole: actor.role, requestId: ctx.requestId.slice(0, 64) }));
    await this.db.transaction(ctx, (tx) => tx.em.createQueryBuilder().insert().into(PersonalDataAccess).values(rows).updateEntity(false).execute());
  }

  /** Newest first; for the federation admin. */
  async list(ctx: RequestContext, filter: AccessLogFilter, first: number, after: string | null | undefined): Promise<ConnectionShape<PersonalDataAccess>> {
    checkPageSize(first);
    const afterId = after ? decodeCursor(after) : null;
    return this.db.read(ctx, (em) =>
      pageNewestFirst(
        () => {
          const qb = em.createQueryBuilder(PersonalDataAccess, 'a');
          if (filter.batchId != null) qb.andWhere('a.batchId = :batchId', { batchId: filter.batchId });
          if (filter.actorId != null) qb.andWhere('a.actorId = :actorId', { actorId: filter.actorId });
          return qb;
        },
        'a',
        first,
        afterId,
      ),
    );
  }
}
