import { createHash, timingSafeEqual } from 'node:crypto';

export type MetricsAccess = { open: true } | { open: false; status: 401 | 403; reason: string };

/**
 * Who may read /metrics. It serves on the API's own port, so in production it needs METRICS_TOKEN as
 * a bearer token (the figures show the booking volume and what is refused); without a token set,
 * production serves nobody. In development it is open, unless a token is set, which then applies.
 */
export function metricsAccess(production: boolean, token: string | null, authorization: string | undefined): MetricsAccess {
  if (!token) {
    if (!production) return { open: true };
    return { open: false, status: 403, reason: 'metrics are off in production until METRICS_TOKEN is set' };
  }
  const sent = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (!sent) return { open: false, status: 401, reason: 'send "Authorization: Bearer <METRICS_TOKEN>"' };
  // Compared as digests: equal lengths, and the time taken says nothing about the token.
  const digest = (text: string) => createHash('sha256').update(text).digest();
  if (!timingSafeEqual(digest(sent), digest(token))) return { open: false, status: 403, reason: 'wrong metrics token' };
  return { open: true };
}
