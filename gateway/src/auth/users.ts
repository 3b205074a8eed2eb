import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, unwatchFile, watchFile, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SessionUser } from '@octroi/contracts';
import { hashPassword, verifyPassword } from './passwords.ts';

interface StoredUser extends SessionUser {
  passwordHash: string;
}

export const DEMO_USERNAME = 'officer';
export const USERNAME_PATTERN = /^[A-Za-z0-9._-]{2,64}$/;

/** A password to hand to a new user once: 16 characters from 96 random bits. */
export const newPassword = () => randomBytes(12).toString('base64url');

const read = (path: string) =>
  new Map<string, StoredUser>(
    (JSON.parse(readFileSync(path, 'utf8')) as StoredUser[]).map((user) => [user.username, user]),
  );
const withoutHash = ({ username, displayName, role }: StoredUser): SessionUser => ({ username, displayName, role });

/**
 * Users of the dashboard, in a JSON file of scrypt hashes. Nothing is open by default: a first run creates one
 * demo officer. `npm run users` manages the file; a running gateway that `watch`es it sees the change within
 * seconds, so a removed user's sessions stop working without a restart.
 */
export class UserStore {
  private constructor(
    private readonly path: string,
    private users: Map<string, StoredUser>,
  ) {}

  /** Opens the file; when there is none, creates it with a demo officer and returns that officer's password (once). */
  static async open(path: string, demoPassword?: string): Promise<{ store: UserStore; createdDemoPassword?: string }> {
    if (existsSync(path)) return { store: UserStore.load(path) };
    const password = demoPassword ?? newPassword();
    const store = new UserStore(path, new Map());
    await store.add({ username: DEMO_USERNAME, displayName: 'Agent de démonstration', role: 'officer' }, password);
    return { store, createdDemoPassword: password };
  }

  /** The users of the file as it is, none when it does not exist yet (no demo user is created). */
  static load(path: string): UserStore {
    return new UserStore(path, existsSync(path) ? read(path) : new Map<string, StoredUser>());
  }

  async add(user: SessionUser, password: string) {
    this.users.set(user.username, { ...user, passwordHash: await hashPassword(password) });
    this.save();
  }

  /** Removes a user; false when there was none by that name. */
  remove(username: string): boolean {
    const removed = this.users.delete(username);
    if (removed) this.save();
    return removed;
  }

  list(): SessionUser[] {
    return [...this.users.values()].map(withoutHash);
  }

  async authenticate(username: string, password: string): Promise<SessionUser | undefined> {
    const user = this.users.get(username);
    // Verify against a throwaway hash for unknown users too, so timing does not tell which usernames exist.
    const ok = await verifyPassword(password, user?.passwordHash ?? 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA');
    return ok && user ? withoutHash(user) : undefined;
  }

  /** Changes whenever the user's password does (the hash has a fresh salt): what session tokens are tied to. */
  credentialStamp(username: string): string | undefined {
    const user = this.users.get(username);
    return user && createHash('sha256').update(user.passwordHash).digest('base64url').slice(0, 16);
  }

  find(username: string): SessionUser | undefined {
    const user = this.users.get(username);
    return user && withoutHash(user);
  }

  /** Reads the file again whenever it changes (checked every `intervalMs`); a file that cannot be read keeps the users known. */
  watch(intervalMs = 2000, onError: (err: unknown) => void = () => {}) {
    watchFile(this.path, { interval: intervalMs }, (now) => {
      if (now.mtimeMs === 0) return; // the file is gone: keep the users known rather than lock everyone out
      try {
        this.users = read(this.path);
      } catch (err) {
        onError(err);
      }
    });
  }

  close() {
    unwatchFile(this.path);
  }

  /** Written whole under another name, then renamed: a reader never sees half a file. */
  private save() {
    mkdirSync(dirname(this.path), { recursive: true });
    const partial = `${this.path}.${process.pid}.tmp`;
    writeFileSync(partial, JSON.stringify([...this.users.values()], null, 2), { mode: 0o600 });
    renameSync(partial, this.path);
  }
}
