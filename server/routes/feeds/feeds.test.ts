import { sql } from 'drizzle-orm';
import { applyImport } from '../../import/apply-import';
import { stringBytes } from '../../import/byte-source';
import { readWxr } from '../../import/wxr';
import { addTestArticle, testApp, testSlug } from '../../test/test-app';
import { openTestDatabase, type TestDatabase } from '../../test/test-database';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(() => t?.close());
beforeEach(() => t.reset());

const wxr = `<?xml version="1.0"?><rss xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><wp:wxr_version>1.2</wp:wxr_version>
<item><title>Harbour &amp; town</title><link>https://old.test/harbour</link><wp:post_id>1</wp:post_id><wp:post_date_gmt>2024-05-06 07:08:09</wp:post_date_gmt><wp:post_name>harbour</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<content:encoded><![CDATA[<p>The <em>harbour</em> at dawn.</p><script>alert(1)</script>]]></content:encoded>
<wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_author>Ann</wp:comment_author><wp:comment_author_email>ann@private.test</wp:comment_author_email><wp:comment_date_gmt>2024-05-07 00:00:00</wp:comment_date_gmt><wp:comment_content>Lovely &amp;lt;3</wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_parent>0</wp:comment_parent></wp:comment>
<wp:comment><wp:comment_id>2</wp:comment_id><wp:comment_author>Held Harry</wp:comment_author><wp:comment_author_email>harry@private.test</wp:comment_author_email><wp:comment_date_gmt>2024-05-08 00:00:00</wp:comment_date_gmt><wp:comment_content>Not yet</wp:comment_content><wp:comment_approved>0</wp:comment_approved><wp:comment_parent>1</wp:comment_parent></wp:comment>
<wp:comment><wp:comment_id>3</wp:comment_id><wp:comment_author>Bo</wp:comment_author><wp:comment_author_email>bo@private.test</wp:comment_author_email><wp:comment_date_gmt>2024-05-09 00:00:00</wp:comment_date_gmt><wp:comment_content>Agreed</wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_parent>1</wp:comment_parent></wp:comment>
</item></channel></rss>`;

async function setUp() {
  await addTestArticle(t.db);
  await applyImport(t.db, 'wxr', readWxr(stringBytes(wxr), 'feed-test.xml'));
  return testApp(t.db, { publicUrl: 'https://news.test' }).app;
}

test('/feed.xml is RSS 2.0 of the articles, newest first, with their comment counts, and answers 304 until something changes', async () => {
  const app = await setUp();
  const response = await app.request('/feed.xml');
  expect(response.status).toBe(200);
  expect(response.headers.get('Content-Type')).toBe('application/rss+xml; charset=utf-8');
  expect(response.headers.get('Cache-Control')).toBe('no-cache');
  const xml = await response.text();
  expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<rss version="2.0"/);
  const items = xml.split('<item>').slice(1);
  expect(items).toHaveLength(2);
  const harbour = items.find((i) => i.includes('<title>Harbour &amp; town</title>')) ?? '';
  expect(harbour).toContain('<link>https://news.test/articles/harbour</link>');
  expect(harbour).toContain('<slash:comments>2</slash:comments>');
  expect(harbour).toContain(
    '<wfw:commentRss>https://news.test/articles/harbour/comments.xml</wfw:commentRss>',
  );
  expect(harbour).toContain('<![CDATA[<p>The <em>harbour</em> at dawn.</p>]]>');
  expect(xml).not.toContain('<script>');
  expect(items.find((i) => i.includes(testSlug))).toContain('<slash:comments>0</slash:comments>');

  const etag = response.headers.get('ETag') ?? '';
  expect((await app.request('/feed.xml', { headers: { 'If-None-Match': etag } })).status).toBe(304);
  // An approved comment changes the count, and so the feed.
  await t.db.execute(sql`update comments set status = 'approved' where author = 'Held Harry'`);
  await t.db.execute(
    sql`update articles set approved_comments = 3, comments_version = pg_current_xact_id()::text::bigint where slug = 'harbour'`,
  );
  const changed = await app.request('/feed.xml', { headers: { 'If-None-Match': etag } });
  expect(changed.status).toBe(200);
  expect(await changed.text()).toContain('<slash:comments>3</slash:comments>');
});

test("an article's comments feed holds its approved comments only, newest first, and no email", async () => {
  const app = await setUp();
  const response = await app.request('/articles/harbour/comments.xml');
  expect(response.status).toBe(200);
  expect(response.headers.get('Content-Type')).toBe('application/rss+xml; charset=utf-8');
  const xml = await response.text();
  expect(xml).toContain('<title>Comments on: Harbour &amp; town</title>');
  expect([...xml.matchAll(/<dc:creator>([^<]*)<\/dc:creator>/g)].map((m) => m[1])).toEqual([
    'Bo',
    'Ann',
  ]);
  expect(xml).toContain('<description>Lovely &lt;3</description>');
  expect(xml).not.toMatch(/private\.test|Held Harry|Not yet/);
  expect(xml).toMatch(/<link>https:\/\/news\.test\/articles\/harbour#comment-\d+<\/link>/);
  const etag = response.headers.get('ETag') ?? '';
  expect(
    (await app.request('/articles/harbour/comments.xml', { headers: { 'If-None-Match': etag } }))
      .status,
  ).toBe(304);

  const missing = await app.request('/articles/no-such-story/comments.xml');
  expect(missing.status).toBe(404);
  expect(await missing.json()).toEqual({
    status: 404,
    message: 'There is no published article with this slug.',
  });
});
