import { Injectable, Logger } from '@nestjs/common';
import { Sweep, sweepDue, todayInShanghai, TransactionRunner } from '@app/shared';
import { In, LessThan, MoreThan } from 'typeorm';
import { AgreementStatus } from './agreement-status.js';
import { Agreement } from './agreement.entity.js';
import { AgreementService } from './agreement.service.js';

/** Exchange's sweep: agreements past their last day expire, and their unused allotment beds go back to general sale. */
@Injectable()
export class AgreementSweeper {
  private readonly logger = new Logger(AgreementSweeper.name);

  constructor(
    private readonly db: TransactionRunner,
    private readonly agreements: AgreementService,
  ) {}

  /** Every PROPOSED or ACTIVE agreement whose last day is before `now`'s day becomes EXPIRED, one per transaction; returns how many. */
  @Sweep('expired agreements')
  expire(now: Date): Promise<number> {
    const today = todayInShanghai(now);
    return sweepDue({
      db: this.db,
      logger: this.logger,
      item: 'agreement',
      counts: 'agreements expired',
      due: async (em, afterId, take) =>
        (
          await em.find(Agreement, {
            select: { id: true },
            where: { status: In([AgreementStatus.ACTIVE, AgreementStatus.PROPOSED]), to: LessThan(today), id: MoreThan(afterId) },
            order: { id: 'ASC' },
            take,
          })
        ).map((a) => a.id),
      each: (tx, id) => this.agreements.expireIfDue(tx, id, today),
    });
  }
}
