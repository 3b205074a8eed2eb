/**
 * Dashboard users, managed in the gateway's users file (OCTROI_USERS_FILE, default var/users.json):
 *
 *   npm run users -- list
 *   npm run users -- add <username> [--name "Full name"] [--role officer|admin]
 *   npm run users -- reset-password <username>
 *   npm run users -- remove <username>
 *
 * A new or reset password is generated and printed once; the file keeps only its scrypt hash. Running gateways
 * read the file again within seconds: a removed user is signed out everywhere.
 */
import { parseArgs } from 'node:util';
import { Value } from '@sinclair/typebox/value';
import { Role } from '@octroi/contracts';
import { loadConfig } from './config.ts';
import { USERNAME_PATTERN, UserStore, newPassword } from './auth/users.ts';

class UsageError extends Error {}

async function run(argv: string[]): Promise<string> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { name: { type: 'string' }, role: { type: 'string', default: 'officer' } },
  });
  const [command, username] = positionals;
  const { usersFile } = loadConfig();
  const users = UserStore.load(usersFile);
  const needUser = (known: boolean) => {
    if (!username) throw new UsageError(`${command}: give a username`);
    if (known && !users.find(username)) throw new UsageError(`${command}: no user "${username}" in ${usersFile}`);
    return username;
  };

  switch (command) {
    case 'list':
      return (
        users
          .list()
          .map((user) => `${user.username}\t${user.role}\t${user.displayName}`)
          .join('\n') || `no users in ${usersFile}`
      );
    case 'add': {
      const name = needUser(false);
      if (!USERNAME_PATTERN.test(name))
        throw new UsageError(`add: username "${name}" must be 2 to 64 letters, digits, dots, dashes or underscores`);
      if (users.find(name)) throw new UsageError(`add: "${name}" already exists (reset-password gives a new password)`);
      if (!Value.Check(Role, values.role))
        throw new UsageError(`add: --role must be officer or admin, not "${values.role}"`);
      const password = newPassword();
      await users.add({ username: name, displayName: values.name ?? name, role: values.role }, password);
      return `added ${name} (${values.role}); password, shown only now: ${password}`;
    }
    case 'reset-password': {
      const user = users.find(needUser(true))!;
      const password = newPassword();
      await users.add(user, password);
      return `new password for ${user.username}, shown only now: ${password}`;
    }
    case 'remove':
      users.remove(needUser(true));
      return `removed ${username}; running gateways sign them out within seconds`;
    default:
      throw new UsageError(`unknown command "${command ?? ''}": use list, add, reset-password or remove`);
  }
}

try {
  console.log(await run(process.argv.slice(2)));
} catch (err) {
  const badOption = String((err as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS');
  if (!(err instanceof UsageError) && !badOption) throw err;
  console.error((err as Error).message);
  process.exit(2);
}
