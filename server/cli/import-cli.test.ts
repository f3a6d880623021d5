// npm run import and npm run export as a site owner runs them, on the engine under test.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFixture } from '../import/test-fixtures';
import { freshServerDatabase } from '../test/server-process';
import { runCliScript } from '../test/cli-process';

const run = (command: 'import' | 'export', args: string[], env: Record<string, string>) =>
  runCliScript(command, args, env);

const work = mkdtempSync(join(tmpdir(), 'daily-thread-import-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const wxr = importFixture('wxr/pelican__wordpressexport.xml');

test('import reports counts with reasons, changes nothing the second time, refuses a malformed file by line; export writes WXR', async () => {
  const target = await freshServerDatabase();
  onTestFinished(() => target.cleanup());
  const env = { ...target.env, SAMPLES: 'off' };

  const dry = await run('import', ['wxr', wxr, '--dry-run'], env);
  expect(dry.stdout).toMatch(
    /^Dry run: nothing was written to .*\n {2}articles: 7 added, 0 updated, 0 unchanged\n {2}comments: 3 added/,
  );
  const first = await run('import', ['wxr', wxr], env);
  expect(first.code).toBe(0);
  expect(first.stdout).toMatch(/^Imported into /);
  expect(first.stdout).toContain("1 × comment: pingback (not a reader's comment)");
  expect(first.stdout).toContain('4 × article: post status "draft" (not published)');
  // No progress line: standard error is not a terminal here.
  expect(first.stderr).toBe('');
  const second = await run('import', ['wxr', wxr], env);
  expect(second.stdout).toMatch(
    /^Nothing changed in .*\n {2}articles: 0 added, 0 updated, 7 unchanged\n {2}comments: 0 added, 0 updated, 3 unchanged/,
  );

  const broken = join(work, 'broken.xml');
  writeFileSync(
    broken,
    readFileSync(wxr, 'utf8').replace('</wp:comment_content>', '</wp:comment_contentt>'),
  );
  const refused = await run('import', ['wxr', broken], env);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toMatch(/^broken\.xml is not well-formed XML: broken\.xml:\d+:\d+: /);
  const unknown = await run('import', ['blogger', wxr], env);
  expect(unknown.stderr).toMatch(
    /"blogger" is not a kind of import: use one of wxr, disqus, feed, markdown/,
  );

  const out = join(work, 'site.xml');
  const exported = await run('export', ['wxr', out], env);
  expect(exported.code).toBe(0);
  expect(exported.stderr).toMatch(/^Exported 7 articles and their comments as WXR/);
  expect(statSync(out).mode & 0o777).toBe(0o600);
  const text = readFileSync(out, 'utf8');
  expect(text.match(/<wp:comment>/g)).toHaveLength(3);
  expect(text).toContain('<wp:wxr_version>1.2</wp:wxr_version>');
  expect((await run('export', ['wxr', out], env)).stderr).toMatch(/exists already/);
}, 120_000);
