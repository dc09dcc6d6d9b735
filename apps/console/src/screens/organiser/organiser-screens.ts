import type { Screen } from '../registry.js';
import { Availability } from './availability.js';
import { UnionBatches } from './union-batches.js';

/** A union organiser's screens (a regional partner's too), in menu order: availability is where they land. */
export const ORGANISER_SCREENS: Screen[] = [
  { path: 'organiser/availability', title: 'org.availability', component: Availability },
  { path: 'organiser/batches', title: 'org.batches', component: UnionBatches },
];
