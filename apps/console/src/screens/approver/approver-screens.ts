import type { Screen } from '../registry.js';
import { UnionBatches } from '../organiser/union-batches.js';

/** A union approver's screens, in menu order. */
export const APPROVER_SCREENS: Screen[] = [{ path: 'approver/batches', title: 'org.batches', component: UnionBatches }];
