import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SessionUser } from '@octroi/contracts';
import { hashPassword, verifyPassword } from './passwords.ts';

interface StoredUser extends SessionUser {
  passwordHash: string;
}

export const DEMO_USERNAME = 'officer';

/** Users of the dashboard, in a JSON file of scrypt hashes. Nothing is open by default: a first run creates one demo officer. */
export class UserStore {
  private constructor(
    private readonly path: string,
    private readonly users: Map<string, StoredUser>,
  ) {}

  /** Opens the file; when there is none, creates it with a demo officer and returns that officer's password (once). */
  static async open(path: string, demoPassword?: string): Promise<{ store: UserStore; createdDemoPassword?: string }> {
    if (existsSync(path)) {
      const list = JSON.parse(readFileSync(path, 'utf8')) as StoredUser[];
      return { store: new UserStore(path, new Map(list.map((user) => [user.username, user]))) };
    }
    const password = demoPassword ?? randomBytes(9).toString('base64url');
    const store = new UserStore(path, new Map());
    await store.add({ username: DEMO_USERNAME, displayName: 'Agent de démonstration', role: 'officer' }, password);
    return { store, createdDemoPassword: password };
  }

  async add(user: SessionUser, password: string) {
    this.users.set(user.username, { ...user, passwordHash: await hashPassword(password) });
    mkdirSync(dirname(this.path), { recursive: true });
    writeFileSync(this.path, JSON.stringify([...this.users.values()], null, 2), { mode: 0o600 });
  }

  async authenticate(username: string, password: string): Promise<SessionUser | undefined> {
    const user = this.users.get(username);
    // Verify against a throwaway hash for unknown users too, so timing does not tell which usernames exist.
    const ok = await verifyPassword(password, user?.passwordHash ?? 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA');
    return ok && user ? { username: user.username, displayName: user.displayName, role: user.role } : undefined;
  }

  find(username: string): SessionUser | undefined {
    const user = this.users.get(username);
    return user && { username: user.username, displayName: user.displayName, role: user.role };
  }
}
