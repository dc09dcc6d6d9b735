import type { TxContext } from '@app/shared';

/**
 * What consumption needs to know of bills: whether a batch's stay is billed (its consumption is then
 * closed). bill/ provides it (BillQueryService), so consumption/ does not import bill/.
 */
export abstract class BilledStays {
  /** The id of the batch's active (not void) stay bill, or null; inside the caller's transaction. */
  abstract activeStayBillId(tx: TxContext, batchId: number): Promise<number | null>;
}
