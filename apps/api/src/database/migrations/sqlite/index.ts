import { Initial1795705578266 } from './1795705578266-Initial.js';
import { Roster1795707277359 } from './1795707277359-Roster.js';
import { Billing1795710778346 } from './1795710778346-Billing.js';
import { Exchange1795736346047 } from './1795736346047-Exchange.js';
import { Feedback1795737441475 } from './1795737441475-Feedback.js';
import { UnionPolicy1795737800895 } from './1795737800895-UnionPolicy.js';
import { BillFunding1795738025441 } from './1795738025441-BillFunding.js';
import { Arrivals1795738791641 } from './1795738791641-Arrivals.js';
import { CheckInRequirements1795739121248 } from './1795739121248-CheckInRequirements.js';
import { RosterWorkflow1795739528716 } from './1795739528716-RosterWorkflow.js';
import { Coverage1795740111259 } from './1795740111259-Coverage.js';
import { PolicySnapshot1795748173766 } from './1795748173766-PolicySnapshot.js';
import { FundingShares1795748953783 } from './1795748953783-FundingShares.js';
import { RosterOwnRows1796395762072 } from './1796395762072-RosterOwnRows.js';
import { BillHistory1796396749145 } from './1796396749145-BillHistory.js';
import { Accounts1796401224582 } from './1796401224582-Accounts.js';
import { WorkingCalendar1796401288456 } from './1796401288456-WorkingCalendar.js';
import { HoldStep1796408600980 } from './1796408600980-HoldStep.js';
import { StayOrders1796454452647 } from './1796454452647-StayOrders.js';
import { PricePeriods1796456960274 } from './1796456960274-PricePeriods.js';
import { StaggeringEvents1796472355621 } from './1796472355621-StaggeringEvents.js';
import { WaitingList1796472418443 } from './1796472418443-WaitingList.js';
import { StayRequestDeclines1796472618834 } from './1796472618834-StayRequestDeclines.js';
import { CalendarVersion1796473293095 } from './1796473293095-CalendarVersion.js';
import { PlatformClients1796474152893 } from './1796474152893-PlatformClients.js';
import { SignUps1796474836789 } from './1796474836789-SignUps.js';

/** Applied in order on start-up; generated on this driver (npm run migration:generate:sqlite). */
export const SQLITE_MIGRATIONS = [Initial1795705578266, Roster1795707277359, Billing1795710778346, Exchange1795736346047, Feedback1795737441475, UnionPolicy1795737800895, BillFunding1795738025441, Arrivals1795738791641, CheckInRequirements1795739121248, RosterWorkflow1795739528716, Coverage1795740111259, PolicySnapshot1795748173766, FundingShares1795748953783, RosterOwnRows1796395762072, BillHistory1796396749145, Accounts1796401224582, WorkingCalendar1796401288456, HoldStep1796408600980, StayOrders1796454452647, PricePeriods1796456960274, StaggeringEvents1796472355621, WaitingList1796472418443, StayRequestDeclines1796472618834, CalendarVersion1796473293095, PlatformClients1796474152893, SignUps1796474836789];
