// The two commands as a site owner runs them: from an embedded database's data directory,
// through a file, into a new database on the engine under test (PGlite, or PostgreSQL).
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/client';
import { exportData } from '../db/export-data';
import { parseExport } from '../db/export-format';
import { addSamplesIfEmpty } from '../db/samples';
import { freshServerDatabase } from '../test/server-process';
import { freshPgliteDataDir } from '../test/test-database';
import { runCliScript } from '../test/cli-process';

const run = (command: 'db-export' | 'db-import', args: string[], env: Record<string, string>) =>
  runCliScript(command, args, env);

const work = mkdtempSync(join(tmpdir(), 'daily-thread-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

test('db:export writes a private file that db:import loads whole into a new database; a cut-short file is refused', async () => {
  const [sourceDir, target] = await Promise.all([
    freshPgliteDataDir().then(async (dir) => {
      const source = await openDatabase({ dataDir: dir });
      await addSamplesIfEmpty(source.db);
      await source.close();
      return dir;
    }),
    freshServerDatabase(),
  ]);
  onTestFinished(async () => {
    rmSync(sourceDir, { recursive: true, force: true });
    await target.cleanup();
  });

  const file = join(work, 'export.json');
  const cut = join(work, 'cut.json');
  // Cut short as a copy interrupted mid-way would be (run beside the export, to save the time).
  writeFileSync(cut, '{"format":"the-daily-thread/export","version":1,\n"articles":[\n{"id":1,');
  const [exported, refused] = await Promise.all([
    run('db-export', ['--out', file], { DATA_DIR: sourceDir }),
    run('db-import', [cut], target.env),
  ]);
  expect(exported.stderr).toMatch(/^Exported 3 articles and 5 comments from the embedded database/);
  expect(exported.code).toBe(0);
  // Emails and IP addresses: for its owner's eyes only.
  expect(statSync(file).mode & 0o777).toBe(0o600);
  expect(refused.stderr).toMatch(/not valid JSON .*cut short/);
  expect(refused.code).toBe(1);

  const imported = await run('db-import', [file], target.env);
  expect(imported.stderr).toMatch(/^Imported 3 articles and 5 comments into /);
  expect(imported.code).toBe(0);
  const loaded = await openDatabase({ url: target.env.DATABASE_URL, dataDir: target.env.DATA_DIR });
  const again = await exportData(loaded.db).finally(() => loaded.close());
  const text = readFileSync(file, 'utf8');
  expect({ ...again, exportedAt: '' }).toEqual({ ...parseExport(text), exportedAt: '' });
});
