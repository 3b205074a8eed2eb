import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Stateless session tokens, `base64url(payload).base64url(hmac)`: any gateway replica holding the same secret
 * checks them without a shared store. The payload holds the username, an expiry and the user's credential stamp
 * at sign-in, which changes with the password: a new password ends every session opened with the old one.
 */
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
    const payload = Buffer.from(JSON.stringify({ u: username, k: stamp, exp: now + this.lifetimeMs })).toString(
      'base64url',
    );
    return `${payload}.${this.sign(payload)}`;
  }

  /** The username and credential stamp of a valid, unexpired token. */
  verify(token: string, now = Date.now()): { username: string; stamp: string } | undefined {
    const [payload, signature] = token.split('.');
    if (!payload || !signature) return undefined;
    const expected = Buffer.from(this.sign(payload));
    const actual = Buffer.from(signature);
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return undefined;
    try {
      const { u, k, exp } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
        u: string;
        k: string;
        exp: number;
      };
      return exp > now && typeof u === 'string' && typeof k === 'string' ? { username: u, stamp: k } : undefined;
    } catch {
      return undefined;
    }
  }

  get maxAgeSeconds() {
    return Math.floor(this.lifetimeMs / 1000);
  }

  private sign(payload: string) {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
}
