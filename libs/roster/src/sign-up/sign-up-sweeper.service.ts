import { Injectable, Logger } from '@nestjs/common';
import { Sweep, sweepDue, TransactionRunner } from '@app/shared';
import { LessThanOrEqual, MoreThan } from 'typeorm';
import { SignUpRound } from './sign-up.entity.js';
import { SignUpRoundStatus } from './sign-up-status.js';
import { SignUpService } from './sign-up.service.js';

/** The sign-ups' sweep, every HOLD_SWEEP_SECONDS: each sign-up past its deadline closes, and its rule gives out the places; one transaction each. */
@Injectable()
export class SignUpSweeper {
  private readonly logger = new Logger(SignUpSweeper.name);

  constructor(
    private readonly db: TransactionRunner,
    private readonly signUps: SignUpService,
  ) {}

  /** Closes the sign-ups due at `now`; returns how many closed. */
  @Sweep('sign-ups')
  sweep(now: Date): Promise<number> {
    return sweepDue({
      db: this.db,
      logger: this.logger,
      item: 'sign-up',
      counts: 'sign-ups closed at their deadline',
      due: async (em, afterId, take) =>
        (
          await em.find(SignUpRound, {
            select: { id: true },
            where: { status: SignUpRoundStatus.OPEN, deadline: LessThanOrEqual(now), id: MoreThan(afterId) },
            order: { id: 'ASC' },
            take,
          })
        ).map((r) => r.id),
      each: (tx, id) => this.signUps.closeIfDue(tx, id, now),
    });
  }
}
