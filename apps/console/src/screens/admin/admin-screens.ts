import type { Screen } from '../registry.js';
import { ExchangeScreen } from './exchange.js';
import { FiguresScreen } from './figures.js';
import { RatingsScreen } from './ratings.js';

/** The federation's screens, in menu order. */
export const ADMIN_SCREENS: Screen[] = [
  { path: 'admin/figures', title: 'adm.figures', component: FiguresScreen },
  { path: 'admin/exchange', title: 'adm.balance', component: ExchangeScreen },
  { path: 'admin/ratings', title: 'adm.ratings', component: RatingsScreen },
];
