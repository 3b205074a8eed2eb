import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { FROM_SOURCES } from '@octroi/runtime/testing';
import { DEMO_USERNAME } from '../src/auth/users.ts';
import { testGateway } from './helpers.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe('dashboard users managed with `npm run users`, seen by a running gateway', () => {
  let gateway: Awaited<ReturnType<typeof testGateway>>;
  let users: (...args: string[]) => Promise<{ code: number; out: string; err: string }>;
  before(async () => {
    gateway = await testGateway();
    gateway.users.watch(50);
    users = (...args) =>
      promisify(execFile)(process.execPath, [...FROM_SOURCES, 'gateway/src/users-cli.ts', ...args], {
        cwd: ROOT,
        env: { ...process.env, OCTROI_USERS_FILE: gateway.config.usersFile },
      })
        .then(({ stdout, stderr }) => ({ code: 0, out: stdout, err: stderr }))
        .catch((err: unknown) => {
          const failed = err as { code: number; stdout: string; stderr: string };
          return { code: failed.code, out: failed.stdout, err: failed.stderr };
        });
  });
  after(async () => {
    gateway.users.close();
    await gateway.app.close();
  });

  const signIn = (username: string, password: string) =>
    gateway.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password } });
  const passwordIn = (out: string) => out.match(/shown only now: (\S+)/)![1]!;
  /** The gateway polls the file; give it a few rounds. */
  const eventually = async (check: () => Promise<boolean>) => {
    for (let i = 0; i < 40 && !(await check()); i++) await sleep(50);
    return check();
  };

  test('an added officer signs in with the password printed once, without restarting the gateway', async () => {
    const added = await users('add', 'amartin', '--name', 'Alice Martin');
    assert.equal(added.code, 0, added.err);
    const password = passwordIn(added.out);
    assert.ok(!readFileSync(gateway.config.usersFile, 'utf8').includes(password), 'the file keeps only the hash');
    assert.ok(await eventually(async () => (await signIn('amartin', password)).statusCode === 200));
    assert.deepEqual((await signIn('amartin', password)).json(), {
      username: 'amartin',
      displayName: 'Alice Martin',
      role: 'officer',
    });

    const listed = await users('list');
    assert.match(listed.out, /^amartin\tofficer\tAlice Martin$/m);
    assert.match(listed.out, new RegExp(`^${DEMO_USERNAME}\tofficer`, 'm'));
    assert.doesNotMatch(listed.out, /scrypt/);
  });

  test('a new password ends the sessions opened with the old one; a removed user is signed out everywhere', async () => {
    const added = await users('add', 'bdurand', '--role', 'admin');
    const first = passwordIn(added.out);
    assert.ok(await eventually(async () => (await signIn('bdurand', first)).statusCode === 200));
    const cookie = String((await signIn('bdurand', first)).headers['set-cookie']).split(';')[0]!;
    const session = () => gateway.app.inject({ url: '/api/v1/session', headers: { cookie } });
    assert.equal((await session()).json().role, 'admin');

    const second = passwordIn((await users('reset-password', 'bdurand')).out);
    assert.ok(
      await eventually(async () => (await signIn('bdurand', first)).statusCode === 401),
      'the old password no longer works',
    );
    assert.equal((await session()).statusCode, 401, 'sessions opened with the old password are over');
    const renewed = String((await signIn('bdurand', second)).headers['set-cookie']).split(';')[0]!;
    const renewedSession = () => gateway.app.inject({ url: '/api/v1/session', headers: { cookie: renewed } });
    assert.equal((await renewedSession()).statusCode, 200);

    assert.equal((await users('remove', 'bdurand')).code, 0);
    assert.ok(
      await eventually(async () => (await renewedSession()).statusCode === 401),
      'the session is refused once the user is gone',
    );
    assert.equal((await signIn('bdurand', second)).statusCode, 401);
  });

  test('bad commands exit with status 2 and say what is wrong', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['add', 'amartin'], /"amartin" already exists/],
      [['add', 'with space'], /username "with space" must be 2 to 64 letters/],
      [['add', 'cnoel', '--role', 'boss'], /--role must be officer or admin, not "boss"/],
      [['add', 'cnoel', '--bogus'], /Unknown option '--bogus'/],
      [['add'], /add: give a username/],
      [['remove', 'nobody'], /no user "nobody"/],
      [['reset-password', 'nobody'], /no user "nobody"/],
      [['frobnicate'], /unknown command "frobnicate"/],
    ];
    for (const [args, message] of cases) {
      const result = await users(...args);
      assert.equal(result.code, 2, args.join(' '));
      assert.match(result.err, message, args.join(' '));
    }
    assert.doesNotMatch((await users('list')).out, /cnoel/, 'nothing was added by a refused command');
  });
});
