import { Initial1795702742643 } from './1795702742643-Initial.js';

/** Applied in order on start-up; generated on this driver (npm run migration:generate:mysql). */
export const MYSQL_MIGRATIONS = [Initial1795702742643];
