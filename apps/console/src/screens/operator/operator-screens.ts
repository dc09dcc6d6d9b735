import type { Screen } from '../registry.js';
import { Arrivals } from './arrivals.js';
import { Bills } from './bills.js';
import { BedCalendar } from './calendar.js';
import { Confirmations } from './confirmations.js';
import { Consumption } from './consumption.js';

/** A base operator's screens, in menu order. */
export const OPERATOR_SCREENS: Screen[] = [
  { path: 'operator/calendar', title: 'op.calendar', component: BedCalendar },
  { path: 'operator/confirm', title: 'op.confirm', component: Confirmations },
  { path: 'operator/arrivals', title: 'op.arrivals', component: Arrivals },
  { path: 'operator/consumption', title: 'op.consumption', component: Consumption },
  { path: 'operator/bills', title: 'op.bills', component: Bills },
];
