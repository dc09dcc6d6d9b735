import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/shared';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Which column a value belongs to; bound into the ciphertext so one column's value cannot be pasted into another. */
export type PersonalField = 'idNumber' | 'phone';

/**
 * Encrypts personal data with AES-256-GCM and key-hashes it with HMAC-SHA256, both from DATA_KEY
 * through HKDF so the two never share a key.
 */
@Injectable()
export class PersonalDataCipher {
  private readonly encryptionKey: Buffer;
  private readonly hashKey: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.encryptionKey = Buffer.from(hkdfSync('sha256', config.dataKey, Buffer.alloc(0), 'rr personal data: aes-256-gcm v1', 32));
    this.hashKey = Buffer.from(hkdfSync('sha256', config.dataKey, Buffer.alloc(0), 'rr personal data: hmac-sha256 v1', 32));
  }

  encrypt(field: PersonalField, plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    cipher.setAAD(Buffer.from(field));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
  }

  /** Throws when the value was not written with this key for this field: never returns garbage. */
  decrypt(field: PersonalField, stored: string): string {
    const [version, payload] = stored.split('.', 2);
    if (version !== VERSION || !payload) throw new Error(`Unknown personal data format "${version}"`);
    const raw = Buffer.from(payload, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(field));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  }

  /** Equal for equal inputs under one key; useless without the key (no dictionary of ID numbers). */
  hash(kind: string, value: string): string {
    return createHmac('sha256', this.hashKey).update(kind).update('\u0000').update(value).digest('hex');
  }
}
