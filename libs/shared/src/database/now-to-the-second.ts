/**
 * Now, to the whole second: what a MySQL DATETIME keeps, so a re-read returns exactly what we
 * answered. Timestamps are written by the app in UTC rather than by the server's CURRENT_TIMESTAMP,
 * which follows the server's own time zone (often +08:00 here) and would shift them.
 */
export function nowToTheSecond(): Date {
  return new Date(Math.floor(Date.now() / 1000) * 1000);
}
