import { passwordProblem } from '../password/password-rules.js';

export const JWT_SECRET_MIN_LENGTH = 32;

/**
 * Values that have been published as examples (this project's compose file and README, framework
 * tutorials): anyone can sign tokens with them, so production refuses them whatever their length.
 */
const PLACEHOLDER_SECRETS = new Set(
  [
    'change-me-to-a-long-random-string',
    'change-me',
    'changeme',
    'change_me',
    'secret',
    'jwt-secret',
    'jwt_secret',
    'your-secret',
    'your-secret-key',
    'your_jwt_secret',
    'supersecret',
    'super-secret',
    'mysecret',
    'secretkey',
    'secret-key',
    'please-change-me',
    'replace-me',
    'replace-with-a-long-random-string',
    'development',
    'test',
  ].map((s) => s.toLowerCase()),
);

/** Fewer distinct characters than this is typed, not generated (`aaaa…`, `abcabc…`, `0101…`). */
const MIN_DISTINCT_SECRET_CHARS = 10;
/** 32 random bytes have ~31 distinct values; a key with fewer than this was not drawn at random. */
const MIN_DISTINCT_KEY_BYTES = 16;

export interface ProductionSettings {
  jwtSecret: string;
  dataKey: Buffer;
  /** ADMIN_PASSWORD as given (null when unset). */
  adminPassword: string | null;
  demoData: boolean;
  allowDemoInProduction: boolean;
}

/**
 * What is wrong with a production configuration, one line per setting (empty when it may start).
 * Placeholder, short or typed-by-hand secrets and keys, an ADMIN_PASSWORD that breaks the password
 * rules, and demo data (its accounts have published passwords) unless ALLOW_DEMO_IN_PRODUCTION=true.
 */
export function productionProblems(settings: ProductionSettings): string[] {
  const problems: string[] = [];
  const secret = settings.jwtSecret.trim();
  if (PLACEHOLDER_SECRETS.has(secret.toLowerCase()) || /change[-_ ]?me|replace[-_ ]?me|placeholder|example/i.test(secret)) {
    problems.push('JWT_SECRET is a published placeholder: generate one with `openssl rand -hex 32`');
  } else if (secret.length < JWT_SECRET_MIN_LENGTH) {
    problems.push(`JWT_SECRET must have at least ${JWT_SECRET_MIN_LENGTH} characters (it has ${secret.length}): generate one with \`openssl rand -hex 32\``);
  } else if (new Set(secret).size < MIN_DISTINCT_SECRET_CHARS) {
    problems.push('JWT_SECRET repeats a few characters and was not generated at random: use `openssl rand -hex 32`');
  }
  if (new Set(settings.dataKey).size < MIN_DISTINCT_KEY_BYTES) {
    problems.push('DATA_KEY is all zeros or otherwise not random: generate one with `openssl rand -hex 32` (only for a new database: data written under one key cannot be read under another)');
  }
  if (settings.adminPassword !== null) {
    const problem = passwordProblem(settings.adminPassword, 'admin');
    if (problem) problems.push(`ADMIN_PASSWORD is refused: ${problem}`);
  }
  if (settings.demoData && !settings.allowDemoInProduction) {
    problems.push('DEMO_DATA=true loads accounts whose passwords are published (demo1234): unset it, or set ALLOW_DEMO_IN_PRODUCTION=true for a demonstration server');
  }
  return problems;
}
