import { Initial1795702739718 } from './1795702739718-Initial.js';

/** Applied in order on start-up; generated on this driver (npm run migration:generate:sqlite). */
export const SQLITE_MIGRATIONS = [Initial1795702739718];
