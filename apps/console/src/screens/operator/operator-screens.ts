import type { Screen } from '../registry.js';
import { BedCalendar } from './calendar.js';
import { Confirmations } from './confirmations.js';

/** A base operator's screens, in menu order. */
export const OPERATOR_SCREENS: Screen[] = [
  { path: 'operator/calendar', title: 'op.calendar', component: BedCalendar },
  { path: 'operator/confirm', title: 'op.confirm', component: Confirmations },
];
