import { storeKey } from '@octroi/contracts';
import { orUnavailable, type KeyValueBucket, type Runtime } from '@octroi/runtime';

/** The bucket of revoked sessions in the durable store (JetStream KV on NATS, a file in embedded mode). */
export const REVOKED_SESSIONS_BUCKET = 'sessions-revoked';

/**
 * Sessions ended by signing out before they expire, in the durable store every gateway replica reads: a cookie
 * copied before sign-out is refused by all of them. Each entry is kept as long as a session lasts, after which the
 * token has expired anyway. The store is opened on first use, so a gateway starts while it is out of reach.
 */
export class RevokedSessions {
  private bucket: Promise<KeyValueBucket> | undefined;

  constructor(
    private readonly runtime: Pick<Runtime, 'store'>,
    private readonly sessionLifetimeMs: number,
  ) {}

  private open(): Promise<KeyValueBucket> {
    this.bucket ??= this.runtime
      .store()
      .then((store) => store.bucket(REVOKED_SESSIONS_BUCKET, { ttlMs: this.sessionLifetimeMs }))
      .catch((err: unknown) => {
        this.bucket = undefined;
        throw err;
      });
    return this.bucket;
  }

  async revoke(sessionId: string): Promise<void> {
    await orUnavailable('Signing out', async () =>
      (await this.open()).put(storeKey(sessionId), { revokedAt: Date.now() }),
    );
  }

  async isRevoked(sessionId: string): Promise<boolean> {
    const entry = await orUnavailable('Checking the session', async () => (await this.open()).get(storeKey(sessionId)));
    return entry !== undefined;
  }
}
