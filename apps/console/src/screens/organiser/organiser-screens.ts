import type { Screen } from '../registry.js';
import { UnionBatches } from './union-batches.js';

/** A union organiser's screens (a regional partner's too), in menu order. */
export const ORGANISER_SCREENS: Screen[] = [{ path: 'organiser/batches', title: 'org.batches', component: UnionBatches }];
