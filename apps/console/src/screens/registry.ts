import type { FunctionComponent } from 'preact';
import type { Me } from '../api.js';
import { ADMIN_SCREENS } from './admin/admin-screens.js';
import { APPROVER_SCREENS } from './approver/approver-screens.js';
import { OPERATOR_SCREENS } from './operator/operator-screens.js';
import { ORGANISER_SCREENS } from './organiser/organiser-screens.js';
import { PARTNER_SCREENS } from './partner/partner-screens.js';

/** One screen of the console: where it lives (#/<path>), its title's key, what it draws. */
export interface Screen {
  path: string;
  title: string;
  component: FunctionComponent<{ me: Me }>;
}

/** What each role sees, in menu order; the first is where they land. */
export const SCREENS: Record<Me['role'], Screen[]> = {
  BASE_OPERATOR: OPERATOR_SCREENS,
  UNION_ORGANISER: ORGANISER_SCREENS,
  UNION_APPROVER: APPROVER_SCREENS,
  ADMIN: ADMIN_SCREENS,
  PARTNER: PARTNER_SCREENS,
};
