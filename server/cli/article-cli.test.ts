// `npm run article -- publish` as an editor runs it, on the engine under test.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asc } from 'drizzle-orm';
import { openDatabase } from '../db/client';
import { articles, moderationAudit } from '../db/schema';
import { freshServerDatabase } from '../test/server-process';
import { runCliScript } from '../test/cli-process';

const run = (args: string[], env: Record<string, string>) => runCliScript('article', args, env);

const file = (front: string, text = 'The council *voted* at midnight.\n') =>
  `---\n${front}\n---\n${text}`;

test('publishes a Markdown file, updates it by slug, and says what it did', async () => {
  const target = await freshServerDatabase();
  onTestFinished(() => target.cleanup());
  const env = target.env;
  const dir = mkdtempSync(join(tmpdir(), 'article-'));
  const path = join(dir, 'budget.md');
  const front =
    'title: Council votes on the budget\nslug: council-votes-on-budget\ndescription: The vote came late.\npublishedAt: 2026-01-02T09:00:00Z';
  writeFileSync(path, file(front));

  const first = await run(['publish', path], env);
  expect(first.stderr).toBe('');
  expect(first.stdout).toMatch(
    /^Published a new article council-votes-on-budget \(id \d+, published 2026-01-02T09:00:00.000Z, revision 1\) in /,
  );
  expect(first.code).toBe(0);

  const again = await run(['publish', path], env);
  expect(again.stdout).toMatch(/^Nothing changed for council-votes-on-budget .*revision 1\)/);

  writeFileSync(path, file(front.replace('votes on', 'passes'), 'Passed at midnight.\n'));
  const updated = await run(['publish', path], env);
  expect(updated.stdout).toMatch(/^Updated and published council-votes-on-budget .*revision 3\)/);

  const future = join(dir, 'future.md');
  writeFileSync(
    future,
    file('title: Later\nslug: later\ndescription: Soon.\npublishedAt: 2999-01-01T00:00:00Z'),
  );
  expect((await run(['publish', future], env)).stdout).toMatch(
    /^Published a new article later \(id \d+, scheduled for 2999-01-01T00:00:00.000Z/,
  );

  const bad = join(dir, 'bad.md');
  writeFileSync(bad, file('title: ""\nslug: Not A Slug\ndescription: x'));
  const refused = await run(['publish', bad], env);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toBe(
    `${bad} needs fixing:\n  title: Give the article a title.\n  slug: Use lower-case letters and digits, with single hyphens between words: like council-votes-on-budget.\n`,
  );

  const handle = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR });
  try {
    const rows = await handle.db.select().from(articles).orderBy(asc(articles.id));
    expect(rows.map((r) => [r.slug, r.draft, r.markdown])).toEqual([
      // The server's sample articles are not added by the CLI.
      ['council-votes-on-budget', false, 'Passed at midnight.\n'],
      ['later', false, 'The council *voted* at midnight.\n'],
    ]);
    expect(rows[0]?.document).toMatchObject({
      headline: 'Council passes the budget',
      publishedAt: '2026-01-02T09:00:00.000Z',
      body: [{ type: 'paragraph', text: 'Passed at midnight.' }],
    });
    const entries = await handle.db.select().from(moderationAudit).orderBy(asc(moderationAudit.id));
    expect(entries.map((e) => [e.action, e.moderatorId, e.detail])).toEqual([
      ['create-article', null, 'by npm run article'],
      ['update-article', null, 'by npm run article'],
      ['publish-article', null, 'by npm run article'],
      ['create-article', null, 'by npm run article'],
    ]);
  } finally {
    await handle.close();
  }
}, 60_000);
