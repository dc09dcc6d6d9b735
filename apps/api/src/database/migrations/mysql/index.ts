import { Initial1795705571425 } from './1795705571425-Initial.js';
import { Roster1795707289721 } from './1795707289721-Roster.js';
import { Billing1795710788722 } from './1795710788722-Billing.js';
import { Exchange1795736357440 } from './1795736357440-Exchange.js';
import { Feedback1795737448415 } from './1795737448415-Feedback.js';
import { UnionPolicy1795737807687 } from './1795737807687-UnionPolicy.js';
import { BillFunding1795738033418 } from './1795738033418-BillFunding.js';
import { Arrivals1795738802773 } from './1795738802773-Arrivals.js';
import { CheckInRequirements1795739128431 } from './1795739128431-CheckInRequirements.js';
import { RosterWorkflow1795739535887 } from './1795739535887-RosterWorkflow.js';
import { Coverage1795740117787 } from './1795740117787-Coverage.js';
import { PolicySnapshot1795748180822 } from './1795748180822-PolicySnapshot.js';
import { FundingShares1795748964526 } from './1795748964526-FundingShares.js';
import { RosterOwnRows1796395774870 } from './1796395774870-RosterOwnRows.js';
import { BillHistory1796396812772 } from './1796396812772-BillHistory.js';
import { Accounts1796401228310 } from './1796401228310-Accounts.js';
import { WorkingCalendar1796401306038 } from './1796401306038-WorkingCalendar.js';
import { HoldStep1796408639142 } from './1796408639142-HoldStep.js';
import { StayOrders1796454506331 } from './1796454506331-StayOrders.js';
import { PricePeriods1796457014217 } from './1796457014217-PricePeriods.js';
import { StaggeringEvents1796472373034 } from './1796472373034-StaggeringEvents.js';
import { WaitingList1796472431691 } from './1796472431691-WaitingList.js';
import { StayRequestDeclines1796472632811 } from './1796472632811-StayRequestDeclines.js';
import { CalendarVersion1796473300300 } from './1796473300300-CalendarVersion.js';
import { PlatformClients1796474161543 } from './1796474161543-PlatformClients.js';
import { SignUps1796474858058 } from './1796474858058-SignUps.js';

/** Applied in order on start-up; generated on this driver (npm run migration:generate:mysql). */
export const MYSQL_MIGRATIONS = [Initial1795705571425, Roster1795707289721, Billing1795710788722, Exchange1795736357440, Feedback1795737448415, UnionPolicy1795737807687, BillFunding1795738033418, Arrivals1795738802773, CheckInRequirements1795739128431, RosterWorkflow1795739535887, Coverage1795740117787, PolicySnapshot1795748180822, FundingShares1795748964526, RosterOwnRows1796395774870, BillHistory1796396812772, Accounts1796401228310, WorkingCalendar1796401306038, HoldStep1796408639142, StayOrders1796454506331, PricePeriods1796457014217, StaggeringEvents1796472373034, WaitingList1796472431691, StayRequestDeclines1796472632811, CalendarVersion1796473300300, PlatformClients1796474161543, SignUps1796474858058];
