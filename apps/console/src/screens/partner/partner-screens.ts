import type { Screen } from '../registry.js';
import { ExchangeScreen } from '../admin/exchange.js';
import { RoomingList } from '../organiser/rooming-list.js';
import { UnionBatches } from '../organiser/union-batches.js';

/**
 * A regional partner's screens, in menu order: their region's exchange balance, the exchange batches
 * their region sends or hosts, and the rooming lists they keep. Booking under an agreement needs the
 * agreement and the union, which the organiser's booking form does not ask: partners book through the API.
 */
export const PARTNER_SCREENS: Screen[] = [
  { path: 'partner/exchange', title: 'adm.balance', component: ExchangeScreen },
  { path: 'partner/batches', title: 'partner.batches', component: UnionBatches },
  { path: 'partner/roster', title: 'org.roster', component: RoomingList },
];
