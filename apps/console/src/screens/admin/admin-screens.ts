import type { Screen } from '../registry.js';
import { UnionBatches } from '../organiser/union-batches.js';

/** The federation's screens, in menu order. */
export const ADMIN_SCREENS: Screen[] = [{ path: 'admin/batches', title: 'org.batches', component: UnionBatches }];
