/**
 * `npm run moderator -- add NAME EMAIL | list | disable EMAIL | reset-password EMAIL`: the
 * site's moderator accounts, on the database the server uses. Passwords are hashed with
 * argon2id and never written anywhere but the one time a generated one is shown.
 */
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import {
  addModerator,
  disableModerator,
  listModerators,
  ModeratorExistsError,
  resetModeratorPassword,
} from '../routes/auth/moderator-store';
import { CliError, cliSettings, describeDatabase, openCliDatabase, runCli } from './cli-database';

const usage = `Usage: npm run moderator -- COMMAND

  add NAME EMAIL          a new moderator account
    --role ROLE           moderator (the default: moderates comments) or editor (also
                          writes, publishes and unpublishes articles)
  list                    every account: id, name, email, role, whether disabled
  disable EMAIL           disables an account and signs it out everywhere
  reset-password EMAIL    a new password (enables a disabled account), signing it out everywhere

For add and reset-password, the password comes from:
  a prompt (typed twice, not shown) when run in a terminal; leave it empty to have one made;
  --password-stdin        the first line of standard input (for provisioning scripts);
  --generate              a new random one, printed once on standard output.
Run without a terminal and without either option, a password is generated and printed.
Passwords need at least 12 characters.

  -h, --help              this text

The database is the one the server uses with the same settings: DATABASE_URL for PostgreSQL,
otherwise the embedded one in DATA_DIR (default ./data). Stop a server running on the
embedded database first (one process at a time can open it); on PostgreSQL it may run.
`;

const passwordSchema = z
  .string()
  .min(12, 'The password needs at least 12 characters.')
  .max(1024, 'The password can have at most 1024 characters.');
const emailSchema = z.email({ message: 'That is not an email address, like name@example.com.' });

function check<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new CliError(result.error.issues[0]?.message ?? 'Invalid value.');
  return result.data;
}

async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

/** Asks without echoing what is typed. */
async function askHidden(question: string): Promise<string> {
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  const rl = createInterface({ input: process.stdin, output: muted, terminal: true });
  process.stderr.write(question);
  try {
    return await new Promise<string>((resolve) => rl.question('', resolve));
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
}

/** The password to set, and whether it was generated here (then it must be shown). */
async function choosePassword(values: {
  'password-stdin'?: boolean | undefined;
  generate?: boolean | undefined;
}): Promise<{ password: string; generated: boolean }> {
  const generated = () => ({ password: randomBytes(18).toString('base64url'), generated: true });
  if (values['password-stdin'])
    return { password: check(passwordSchema, await readStdinLine()), generated: false };
  if (values.generate || !process.stdin.isTTY) return generated();
  const first = await askHidden('Password (empty: make one): ');
  if (first === '') return generated();
  check(passwordSchema, first);
  const again = await askHidden('The same password again: ');
  if (again !== first) throw new CliError('The two passwords differ: nothing was changed.');
  return { password: first, generated: false };
}

function showGenerated(password: { password: string; generated: boolean }) {
  if (!password.generated) return;
  process.stderr.write('The password (shown this once; keep it somewhere safe):\n');
  process.stdout.write(`${password.password}\n`);
}

await runCli(usage, async () => {
  const { values, positionals } = parseArgs({
    options: {
      help: { type: 'boolean', short: 'h' },
      'password-stdin': { type: 'boolean' },
      generate: { type: 'boolean' },
      role: { type: 'string' },
    },
    allowPositionals: true,
  });
  if (values.help) {
    process.stdout.write(usage);
    return;
  }
  const [command, ...args] = positionals;
  const expect = (count: number, what: string) => {
    if (args.length !== count) throw new CliError(`${command} takes ${what}.\n\n${usage}`);
  };
  const env = cliSettings();
  switch (command) {
    case 'add': {
      expect(2, 'a NAME and an EMAIL (quote a name with spaces)');
      const name = check(z.string().trim().min(1, 'Give the moderator a name.').max(245), args[0]);
      const email = check(emailSchema, args[1]);
      const role = check(
        z.enum(['moderator', 'editor'], {
          message: 'The role is moderator or editor (--role editor).',
        }),
        values.role ?? 'moderator',
      );
      const password = await choosePassword(values);
      const handle = await openCliDatabase(env, { existing: false });
      try {
        const row = await addModerator(handle.db, {
          name,
          email,
          password: password.password,
          role,
        });
        process.stderr.write(
          `Added ${row.role} ${row.name} <${row.email}> (id ${row.id}) to ${describeDatabase(env)}.\n`,
        );
        showGenerated(password);
      } catch (error) {
        if (error instanceof ModeratorExistsError) throw new CliError(error.message);
        throw error;
      } finally {
        await handle.close();
      }
      return;
    }
    case 'list': {
      expect(0, 'nothing more');
      const handle = await openCliDatabase(env, { existing: true });
      const rows = await listModerators(handle.db).finally(() => handle.close());
      if (rows.length === 0) {
        process.stderr.write(
          `No moderators yet in ${describeDatabase(env)}: add one with npm run moderator -- add NAME EMAIL\n`,
        );
        return;
      }
      for (const row of rows) {
        const state = row.disabledAt ? `disabled ${row.disabledAt.toISOString()}` : 'active';
        process.stdout.write(`${row.id}\t${row.name}\t${row.email}\t${row.role}\t${state}\n`);
      }
      return;
    }
    case 'disable': {
      expect(1, 'an EMAIL');
      const handle = await openCliDatabase(env, { existing: true });
      const done = await disableModerator(handle.db, args[0] ?? '', new Date()).finally(() =>
        handle.close(),
      );
      if (!done) throw new CliError(`No moderator has the address ${args[0]}.`);
      process.stderr.write(`Disabled ${args[0]} and ended its sessions.\n`);
      return;
    }
    case 'reset-password': {
      expect(1, 'an EMAIL');
      const password = await choosePassword(values);
      const handle = await openCliDatabase(env, { existing: true });
      const done = await resetModeratorPassword(
        handle.db,
        args[0] ?? '',
        password.password,
      ).finally(() => handle.close());
      if (!done) throw new CliError(`No moderator has the address ${args[0]}.`);
      process.stderr.write(`Set a new password for ${args[0]} and ended its sessions.\n`);
      showGenerated(password);
      return;
    }
    default:
      throw new CliError(command ? `Unknown command ${command}.\n\n${usage}` : usage);
  }
});
