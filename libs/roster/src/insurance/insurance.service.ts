import { Injectable } from '@nestjs/common';
import { UnionPolicyService } from '@app/base';
import { type Batch, BatchQueryService, BatchStatus } from '@app/booking';
import { DomainException, formatYuan, nowToTheSecond, Permission, type RequestContext, TransactionRunner, type TxContext } from '@app/shared';
import { In } from 'typeorm';
import { PaperworkAccessService } from '../paperwork-access/paperwork-access.service.js';
import { Insurance } from './insurance.entity.js';
import type { RecordInsuranceInput } from './record-insurance.input.js';

/** A batch's group accident insurance: recorded by its union before check-in, checked against the union's policy. */
@Injectable()
export class InsuranceService {
  constructor(
    private readonly db: TransactionRunner,
    private readonly batches: BatchQueryService,
    private readonly policies: UnionPolicyService,
    private readonly access: PaperworkAccessService,
  ) {}

  /**
   * Records the batch's accident insurance (its union's organiser or approver, the partner standing
   * in for a union without an organiser, or an admin) while it
   * is REQUESTED or CONFIRMED; a sum insured below the union policy's minimum (the version of the
   * request date) is a POLICY_VIOLATION. A second record replaces the first.
   */
  async record(ctx: RequestContext, input: RecordInsuranceInput): Promise<Batch> {
    const insurer = input.insurer.trim();
    const policyNumber = input.policyNumber.trim();
    if (!insurer) throw DomainException.badInput('insurer', 'Name the insurer');
    if (!policyNumber) throw DomainException.badInput('policyNumber', 'Give the policy number');
    return this.db.transaction(ctx, async (tx) => {
      const batch = await this.batches.lockVisibleOrThrow(tx, input.batchId, 'batchId');
      const actor = tx.requireActor();
      await this.access.require(tx, Permission.ActForUnion, batch, {
        message: "The batch's union (or, for a union without an organiser, the partner that sent it) records its insurance",
        field: 'batchId',
      });
      if (batch.status !== BatchStatus.REQUESTED && batch.status !== BatchStatus.CONFIRMED) {
        throw DomainException.wrongState(batch.status, `Insurance is recorded before check-in; batch ${batch.reference} is ${batch.status}`);
      }
      const policy = await this.policies.forBatch(tx, batch);
      if (input.sumInsured < policy.insuranceMinimum) {
        throw DomainException.policyViolation(
          'insuranceMinimum',
          `The union's policy asks for at least ${formatYuan(policy.insuranceMinimum)} insured per person; ${formatYuan(input.sumInsured)} is less`,
          {
            field: 'sumInsured',
            insuranceMinimum: formatYuan(policy.insuranceMinimum),
          },
        );
      }
      const row = { batchId: batch.id, insurer, policyNumber, sumInsured: input.sumInsured, recordedAt: nowToTheSecond(), recordedById: actor.userId };
      // The batch row is locked: nobody else writes this batch's insurance meanwhile.
      if (await tx.em.existsBy(Insurance, { batchId: batch.id })) await tx.em.update(Insurance, { batchId: batch.id }, row);
      else await tx.em.createQueryBuilder().insert().into(Insurance).values(row).updateEntity(false).execute();
      return batch;
    });
  }

  /** Inside the caller's transaction (check-in). */
  of(tx: TxContext, batchId: number): Promise<Insurance | null> {
    return tx.em.findOneBy(Insurance, { batchId });
  }

  /** For the batch's fields, batched per request. */
  load(ctx: RequestContext, batchId: number): Promise<Insurance | null> {
    return ctx
      .loader<number, Insurance | null>('insurance', async (ids) => {
        const rows = await this.db.read(ctx, (em) => em.findBy(Insurance, { batchId: In([...ids]) }));
        return ids.map((id) => rows.find((r) => r.batchId === id) ?? null);
      })
      .load(batchId);
  }
}
