// Importing into the engine under test, and the WXR round trip: import a WordPress export with
// threaded comments, export it as WXR, import that into another empty database, same content.
import { asc, sql } from 'drizzle-orm';
import { commentRules } from '../../src/contract/comment-rules';
import { writeWxr } from '../export/wxr-export';
import type { Database } from '../db/client';
import { articles, comments } from '../db/schema';
import { testApp } from '../test/test-app';
import { openTestDatabase, type TestDatabase } from '../test/test-database';
import { applyImport, nothingChanged } from './apply-import';
import { fileBytes, stringBytes } from './byte-source';
import { ImportFormatError } from './import-error';
import { readDisqus } from './disqus';
import { importFixture } from './test-fixtures';
import { readWxr } from './wxr';

const fixture = importFixture('wxr/wordpress-importer__theme-unit-test-data.xml');
const statuses = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Statuses</title><link>https://old.test</link><wp:wxr_version>1.2</wp:wxr_version>
<item><title>Every status</title><link>https://old.test/every-status/</link><wp:post_id>7</wp:post_id>
<wp:post_date_gmt>2021-03-04 05:06:07</wp:post_date_gmt><wp:post_name>every-status</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<content:encoded><![CDATA[<p>Text with <a href="https://x.test/">a link</a>.</p>]]></content:encoded>
${[
  ['1', '1', '0', 'approved'],
  ['2', '0', '1', 'held'],
  ['3', 'spam', '0', 'spam'],
  ['4', 'trash', '1', 'trash'],
  ['5', '1', '0', 'pingback'],
]
  .map(
    ([id, approved, parent, text]) =>
      `<wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_author>A${id}</wp:comment_author><wp:comment_author_email>a${id}@x.test</wp:comment_author_email><wp:comment_author_IP>10.0.0.${id}</wp:comment_author_IP><wp:comment_date_gmt>2021-03-0${id} 00:00:00</wp:comment_date_gmt><wp:comment_content>${text} &amp;lt;3</wp:comment_content><wp:comment_approved>${approved}</wp:comment_approved><wp:comment_type>${text === 'pingback' ? 'pingback' : ''}</wp:comment_type><wp:comment_parent>${parent}</wp:comment_parent></wp:comment>`,
  )
  .join('\n')}
</item></channel></rss>`;

let a: TestDatabase;
let b: TestDatabase;
beforeAll(async () => {
  [a, b] = await Promise.all([openTestDatabase(), openTestDatabase()]);
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
});
beforeEach(async () => {
  await Promise.all([a.reset(), b.reset()]);
});

async function importBoth(db: Database, options: { dryRun?: boolean } = {}) {
  const first = await applyImport(db, 'wxr', readWxr(fileBytes(fixture), 'theme.xml'), options);
  const second = await applyImport(
    db,
    'wxr',
    readWxr(stringBytes(statuses), 'statuses.xml'),
    options,
  );
  return [first, second] as const;
}

/** What a reader and a moderator would see, without the ids each database gives. */
async function snapshot(db: Database) {
  const docs = await db
    .select({
      id: articles.id,
      slug: articles.slug,
      document: articles.document,
      approved: articles.approvedComments,
    })
    .from(articles)
    .orderBy(asc(articles.slug));
  const rows = await db.select().from(comments).orderBy(asc(comments.createdAt), asc(comments.id));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const slugOf = new Map(docs.map((d) => [d.id, d.slug]));
  const sign = (id: number | null) => {
    const r = id === null ? undefined : byId.get(id);
    return r ? `${r.author}@${r.createdAt.toISOString()}` : null;
  };
  return {
    articles: docs.map((d) => ({ slug: d.slug, document: d.document, approved: d.approved })),
    comments: rows.map((r) => ({
      article: slugOf.get(r.articleId),
      parent: sign(r.parentId),
      thread: sign(r.threadId),
      depth: r.depth,
      author: r.author,
      email: r.email,
      website: r.website,
      content: r.content,
      status: r.status,
      createdAt: r.createdAt.toISOString(),
      ip: r.ip,
    })),
  };
}

/** The invariants the server's own writes keep (see comment-store.ts). */
async function expectConsistent(db: Database) {
  const rows = await db.select().from(comments);
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const r of rows) {
    const parent = r.parentId === null ? undefined : byId.get(r.parentId);
    if (!parent) {
      expect(r.parentId).toBeNull();
      expect([r.threadId, r.depth]).toEqual([null, 1]);
      continue;
    }
    expect(parent.articleId).toBe(r.articleId);
    expect(r.depth).toBe(parent.depth + 1);
    expect(r.threadId).toBe(parent.threadId ?? parent.id);
    expect(r.depth).toBeLessThanOrEqual(commentRules.maxDepth);
  }
  const counts = await db.execute<{ bad: number }>(sql`
    select count(*)::int as bad from articles where approved_comments <>
      (select count(*) from comments where comments.article_id = articles.id and status = 'approved')`);
  expect(JSON.stringify(counts)).toContain('"bad":0');
}

test('a WordPress export imports whole and consistent; a second run changes nothing and says so; a dry run writes nothing', async () => {
  const [dry] = await importBoth(b.db, { dryRun: true });
  expect(dry.articles.added).toBeGreaterThan(40);
  expect(await b.db.select({ n: sql<number>`count(*)::int` }).from(articles)).toEqual([{ n: 0 }]);

  const [theme, every] = await importBoth(a.db);
  expect(theme.articles).toEqual(dry.articles);
  expect(theme.comments.added).toBeGreaterThan(20);
  expect([...theme.notes.keys()]).toContain(
    'reply nested deeper than 5 levels, attached at level 5',
  );
  expect(every.comments).toEqual({ added: 4, updated: 0, unchanged: 0 });
  expect(every.skipped.get("comment: pingback (not a reader's comment)")).toBe(1);
  await expectConsistent(a.db);
  const versions = await a.db
    .select({ v: articles.commentsVersion })
    .from(articles)
    .where(sql`approved_comments > 0`);
  expect(versions.every((r) => r.v > 0)).toBe(true);

  const before = await snapshot(a.db);
  const [again, againEvery] = await importBoth(a.db);
  expect(nothingChanged(again) && nothingChanged(againEvery)).toBe(true);
  expect(again.articles.unchanged).toBe(theme.articles.added);
  expect(await snapshot(a.db)).toEqual(before);

  // Readers see the statuses as the moderators left them: held, spam and trash stay hidden.
  const { app } = testApp(a.db);
  const page = await app.request('/api/articles/every-status/comments');
  expect(page.status).toBe(200);
  const body = JSON.stringify(await page.json());
  expect(body).toContain('approved <3');
  expect(body).not.toMatch(/held|spam|trash|@x\.test|10\.0\.0/);
});

test('export as WXR, import into another empty database: the same articles, threads and statuses', async () => {
  await importBoth(a.db);
  // A reader's removal leaves a placeholder: it must survive the trip too.
  await a.db.execute(
    sql`update comments set status = 'deleted', author = '', email = '', content = '' where author = 'A1'`,
  );
  await a.db.execute(sql`update articles set approved_comments =
    (select count(*) from comments where comments.article_id = articles.id and status = 'approved')`);
  let wxr = '';
  await writeWxr(a.db, 'https://site.test', new Date('2030-01-01T00:00:00Z'), (chunk) => {
    wxr += chunk;
  });
  const report = await applyImport(b.db, 'wxr', readWxr(stringBytes(wxr), 'export.xml'));
  // Nothing left out but the attachments that carry featured images (used, not articles).
  expect([...report.skipped.keys()]).toEqual([
    'item: attachment (its URL is used where a post shows it)',
  ]);
  await expectConsistent(b.db);
  expect(await snapshot(b.db)).toEqual(await snapshot(a.db));
  expect((await snapshot(b.db)).comments.map((c) => c.status)).toEqual(
    expect.arrayContaining(['approved', 'pending', 'spam', 'trash', 'deleted']),
  );
});

test('a malformed file writes nothing, and says on which line it broke', async () => {
  await importBoth(a.db);
  const before = await snapshot(a.db);
  const broken = statuses
    .replace('<wp:comment_id>3</wp:comment_id>', '<wp:comment_id>3</wp:comment_idd>')
    .replace('every-status', 'new-post');
  await expect(
    applyImport(a.db, 'wxr', readWxr(stringBytes(broken), 'broken.xml')),
  ).rejects.toThrow(ImportFormatError);
  await expect(
    applyImport(a.db, 'wxr', readWxr(stringBytes(broken), 'broken.xml')),
  ).rejects.toThrow(/broken\.xml:\d+:\d+: unexpected close tag/);
  expect(await snapshot(a.db)).toEqual(before);
});

test('Disqus comments go to the articles their threads link to; unmatched threads are counted', async () => {
  await applyImport(a.db, 'wxr', readWxr(stringBytes(statuses), 'statuses.xml'));
  const disqus = await applyImport(
    a.db,
    'disqus',
    readDisqus(fileBytes(importFixture('disqus/isso__disqus.xml')), 'isso.xml'),
  );
  expect(disqus.comments.added).toBe(0);
  expect(
    disqus.skipped.get(
      'comment: no article matches its Disqus thread (by link or slug): import the articles first',
    ),
  ).toBeGreaterThan(0);
  const xml = `<?xml version="1.0"?><disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">
    <thread dsq:id="t"><id>x</id><link>https://old.test/every-status</link></thread>
    <post dsq:id="1"><message>From Disqus</message><createdAt>2022-01-01T00:00:00Z</createdAt><isDeleted>false</isDeleted><isSpam>false</isSpam><author><name>D</name><email>d@x.test</email></author><thread dsq:id="t"/></post>
    <post dsq:id="2"><message>Answer</message><createdAt>2022-01-02T00:00:00Z</createdAt><isDeleted>false</isDeleted><isSpam>false</isSpam><author><name>E</name></author><thread dsq:id="t"/><parent dsq:id="1"/></post>
  </disqus>`;
  const matched = await applyImport(a.db, 'disqus', readDisqus(stringBytes(xml), 'd.xml'));
  expect(matched.comments.added).toBe(2);
  await expectConsistent(a.db);
  const [row] = await a.db.select({ approved: articles.approvedComments }).from(articles);
  expect(row?.approved).toBe(3);
  expect(
    nothingChanged(await applyImport(a.db, 'disqus', readDisqus(stringBytes(xml), 'd.xml'))),
  ).toBe(true);
});
