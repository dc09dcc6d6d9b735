import type { Screen } from '../registry.js';
import { UnionBatches } from '../organiser/union-batches.js';
import { RosterLists } from './roster-lists.js';

/** A union approver's screens, in menu order: the lists waiting for them first. */
export const APPROVER_SCREENS: Screen[] = [
  { path: 'approver/rosters', title: 'apr.lists', component: RosterLists },
  { path: 'approver/batches', title: 'org.batches', component: UnionBatches },
];
