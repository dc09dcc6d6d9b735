import type { Screen } from '../registry.js';
import { Availability } from './availability.js';
import { RateStay } from './rate-stay.js';
import { RoomingList } from './rooming-list.js';
import { UnionBatches } from './union-batches.js';
import { UnionBills } from './union-bills.js';

/** A union organiser's screens (a regional partner's too), in menu order: availability is where they land. */
export const ORGANISER_SCREENS: Screen[] = [
  { path: 'organiser/availability', title: 'org.availability', component: Availability },
  { path: 'organiser/batches', title: 'org.batches', component: UnionBatches },
  { path: 'organiser/roster', title: 'org.roster', component: RoomingList },
  { path: 'organiser/bills', title: 'org.bills', component: UnionBills },
  { path: 'organiser/rating', title: 'org.rate', component: RateStay },
];
