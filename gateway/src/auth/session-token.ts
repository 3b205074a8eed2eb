import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Session tokens, `base64url(payload).base64url(hmac)`: any gateway replica holding the same secret checks them.
 * The payload holds the username, the session's own random id, an expiry and the user's credential stamp at
 * sign-in, which changes with the password: a new password ends every session opened with the old one. Signing out
 * ends one session before its expiry: its id goes on the list of revoked sessions every replica reads
 * (`revoked-sessions.ts`).
 */
export interface Session {
  username: string;
  /** The credential stamp of the user at sign-in. */
  stamp: string;
  /** Random, one per sign-in: what signing out revokes. */
  sessionId: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

export class SessionTokens {
  constructor(
    private readonly secret: Buffer,
    private readonly lifetimeMs: number,
  ) {}

  /** The secret from the environment, or one kept in the data folder so restarts keep sessions valid. */
  static secretFrom(configured: string | undefined, dataDir: string): Buffer {
    if (configured) return Buffer.from(configured);
    const path = `${dataDir}/session.key`;
    if (existsSync(path)) return Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
    const secret = randomBytes(32);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, secret.toString('base64'), { mode: 0o600 });
    return secret;
  }

  issue(username: string, stamp: string, now = Date.now()): string {
    const session = { u: username, k: stamp, s: randomBytes(16).toString('base64url'), exp: now + this.lifetimeMs };
    const payload = Buffer.from(JSON.stringify(session)).toString('base64url');
    return `${payload}.${this.sign(payload)}`;
  }

  /** The session of a valid, unexpired token. */
  verify(token: string, now = Date.now()): Session | undefined {
    const [payload, signature] = token.split('.');
    if (!payload || !signature) return undefined;
    const expected = Buffer.from(this.sign(payload));
    const actual = Buffer.from(signature);
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return undefined;
    try {
      const { u, k, s, exp } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<
        string,
        unknown
      >;
      const valid = typeof u === 'string' && typeof k === 'string' && typeof s === 'string' && typeof exp === 'number';
      return valid && exp > now ? { username: u, stamp: k, sessionId: s, expiresAt: exp } : undefined;
    } catch {
      return undefined;
    }
  }

  get maxAgeSeconds() {
    return Math.floor(this.lifetimeMs / 1000);
  }

  /** How long a session lasts: a revoked session need not be remembered longer. */
  get lifetime() {
    return this.lifetimeMs;
  }

  private sign(payload: string) {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
}
