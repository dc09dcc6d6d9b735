import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new client id: `rrc_` and 24 hex digits. */
export function newClientId(): string {
  return `rrc_${randomBytes(12).toString('hex')}`;
}

/** A new client secret: `rrs_` and 32 random bytes (base64url): high entropy, so a plain SHA-256 is a fit hash. */
export function newClientSecret(): string {
  return `rrs_${randomBytes(32).toString('base64url')}`;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Whether `secret` hashes to `hash`, in constant time. */
export function secretMatches(secret: string, hash: string): boolean {
  const given = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(hash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}

/**
 * A client's webhook signing secret, derived (never stored): HMAC-SHA256 keyed with DATA_KEY over the
 * client's row id and secret version. Anyone with DATA_KEY can recompute it; a new secret (rotation)
 * moves the version, so the old signing secret stops too.
 */
export function signingSecretOf(dataKey: Buffer, clientRowId: number, secretVersion: number): string {
  return `whsec_${createHmac('sha256', dataKey).update(`rr-webhook-signing:${clientRowId}:${secretVersion}`).digest('hex')}`;
}

/** `sha256=<hex>`: HMAC-SHA256 keyed with the signing secret over `<timestamp>.<body>`. */
export function signPayload(signingSecret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', signingSecret).update(`${timestamp}.${body}`).digest('hex')}`;
}
