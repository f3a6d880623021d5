// `npm run moderator` as a site owner runs it, on the engine under test.
import { openDatabase } from '../db/client';
import { moderators } from '../db/schema';
import { verifyPassword } from '../lib/passwords';
import { freshServerDatabase } from '../test/server-process';
import { runCliScript } from '../test/cli-process';

const run = (args: string[], env: Record<string, string>, stdin?: string) =>
  runCliScript('moderator', args, env, stdin);

test('adds, lists, disables and resets moderators; passwords only ever hashed, never printed unless generated', async () => {
  const target = await freshServerDatabase();
  onTestFinished(() => target.cleanup());
  const env = target.env;
  const password = 'a provisioning secret 42';

  const added = await run(
    ['add', 'Mo Derator', 'mo@example.test', '--password-stdin'],
    env,
    `${password}\n`,
  );
  expect(added.stderr).toMatch(/^Added moderator Mo Derator <mo@example.test> \(id 1\)/);
  expect(added.code).toBe(0);
  expect(added.stdout + added.stderr).not.toContain(password);

  const again = await run(
    ['add', 'Other', 'MO@example.test', '--password-stdin'],
    env,
    `${password}\n`,
  );
  expect(again.stderr).toMatch(/exists already/);
  expect(again.code).toBe(1);

  const short = await run(
    ['add', 'Shorty', 'short@example.test', '--password-stdin'],
    env,
    'short\n',
  );
  expect(short.stderr).toBe('The password needs at least 12 characters.\n');
  expect(short.code).toBe(1);

  const generated = await run(['add', 'Gen', 'gen@example.test'], env);
  expect(generated.code).toBe(0);
  const printed = generated.stdout.trim();
  expect(printed).toMatch(/^[\w-]{20,}$/);

  const listed = await run(['list'], env);
  expect(listed.stdout).toMatch(
    /^1\tMo Derator\tmo@example.test\tmoderator\tactive\n\d+\tGen\tgen@example.test\tmoderator\tactive\n$/,
  );

  const editor = await run(['add', 'Ed Itor', 'ed@example.test', '--role', 'editor'], env);
  expect(editor.stderr).toMatch(/^Added editor Ed Itor <ed@example.test>/);
  expect((await run(['list'], env)).stdout).toMatch(/\tEd Itor\ted@example.test\teditor\tactive\n/);
  const badRole = await run(['add', 'X', 'x@example.test', '--role', 'owner'], env);
  expect(badRole.stderr).toBe('The role is moderator or editor (--role editor).\n');
  expect(badRole.code).toBe(1);

  const disabled = await run(['disable', 'gen@example.test'], env);
  expect(disabled.code).toBe(0);
  expect((await run(['list'], env)).stdout).toMatch(
    /\tGen\tgen@example.test\tmoderator\tdisabled /,
  );
  expect((await run(['disable', 'nobody@example.test'], env)).code).toBe(1);

  const reset = await run(['reset-password', 'gen@example.test', '--generate'], env);
  expect(reset.code).toBe(0);
  const newPassword = reset.stdout.trim();

  const handle = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR });
  const rows = await handle.db
    .select()
    .from(moderators)
    .orderBy(moderators.id)
    .finally(() => handle.close());
  expect(rows[0]?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  expect(await verifyPassword(rows[0]?.passwordHash ?? '', password)).toBe(true);
  expect(await verifyPassword(rows[1]?.passwordHash ?? '', printed)).toBe(false);
  expect(await verifyPassword(rows[1]?.passwordHash ?? '', newPassword)).toBe(true);
  expect(rows[1]?.disabledAt).toBeNull();
}, 90_000);
