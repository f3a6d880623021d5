import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import { applyImport } from '../import/apply-import';
import { stringBytes } from '../import/byte-source';
import { readWxr } from '../import/wxr';
import { saveArticle } from '../routes/articles/article-store';
import { saveSettings } from '../routes/settings/settings-store';
import { defaultModerationSettings } from '../../src/contract/moderation';
import { addTestArticle, jsonRequest, testApp, testSlug } from '../test/test-app';
import {
  localWritesOf,
  openTestDatabase,
  testEngine,
  type TestDatabase,
} from '../test/test-database';
import { putinMeetsChinaDefenseMinister as seed } from '../../mocks/fixtures/articles/putin-meets-china-defense-minister';
import { createPageRenderer, type PageRendererOptions, type RenderModule } from './page-renderer';

/** index.html as `vite build` writes it: the CSP meta, a stylesheet and the module entry. */
const indexHtml = `<!doctype html>
<html lang="en">
  <head>
    <meta http-equiv="Content-Security-Policy" content="default-src &#39;self&#39;; script-src &#39;self&#39;; style-src &#39;self&#39;; img-src &#39;self&#39; data:">
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="description" content="The template's own" />
    <title>Template title</title>
    <script type="module" crossorigin src="/assets/index-abc123.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/chunk-def456.js">
    <link rel="stylesheet" crossorigin href="/assets/index-abc123.css">
  </head>
  <body>
    <div id="root"></div>
    <noscript><p>This reader needs JavaScript.</p></noscript>
  </body>
</html>`;

// The app's own renderer, straight from its source (main.ts loads the built copy). Imported by a
// path the server's type check does not follow: it is the client's code, checked with the client.
const entryServer = '../../src/entry-server.tsx';
let render: RenderModule;
let database: TestDatabase;
let dist: string;
beforeAll(async () => {
  render = (await import(/* @vite-ignore */ entryServer)) as RenderModule;
  database = await openTestDatabase();
  dist = mkdtempSync(join(tmpdir(), 'dist-'));
  mkdirSync(join(dist, 'assets'));
  const script = 'console.log("the app");'.repeat(100);
  writeFileSync(join(dist, 'assets/index-abc123.js'), script);
  writeFileSync(join(dist, 'assets/index-abc123.js.br'), brotliCompressSync(script));
  writeFileSync(join(dist, 'robots.txt'), 'User-agent: *\n');
});
afterAll(() => database.close());
beforeEach(async () => {
  await database.reset();
  await addTestArticle(database.db);
});

function app(options: Partial<PageRendererOptions> = {}) {
  const pages = createPageRenderer({
    db: database.db,
    render,
    indexHtml,
    cssFor: () => 'body{color:black}',
    staticDirs: [{ dir: dist, prefix: '/' }],
    publicUrl: 'https://news.example',
    recheckMs: 0,
    ...options,
  });
  return testApp(database.db, { pages, floodGuard: false, publicUrl: 'https://news.example' }).app;
}

describe('pages', () => {
  it('renders an article from the database, with its head tags and data to hydrate from', async () => {
    const response = await app().request(`/articles/${testSlug}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('no-cache');
    const html = await response.text();
    expect(html).toContain(`<h1`);
    expect(html).toContain('Putin meets with China’s defense minister in Moscow');
    expect(html).toContain(
      `<link rel="canonical" href="https://news.example/articles/${testSlug}" />`,
    );
    expect(html).toContain('"@type":"NewsArticle"');
    expect(html).toContain('<script type="application/json" id="app-state">');
    // The template's own title and description give way to the article's.
    expect(html).not.toContain('Template title');
    // The stylesheet is inlined; the module script, and the template's preloads, start after load.
    expect(html).toContain('<style>body{color:black}</style>');
    // Its link stays, disabled, so that lazy chunks listing it do not fetch and apply it again.
    expect(html).toContain('<link rel="stylesheet" href="/assets/index-abc123.css" disabled />');
    expect(html.match(/<link rel="stylesheet"/g)).toHaveLength(1);
    expect(html).not.toContain('<script type="module"');
    expect(html).not.toContain('<link rel="modulepreload"');
    expect(html).toMatch(/<script>[^<]*\["\/assets\/chunk-def456\.js"\][^<]*modulepreload/);
  });

  it('sends the CSP as a header with frame-ancestors, allowing its inline pieces by hash only', async () => {
    const response = await app().request('/');
    const csp = response.headers.get('Content-Security-Policy') ?? '';
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).toMatch(/style-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toContain('unsafe-inline');
    expect(await response.text()).not.toContain('http-equiv="Content-Security-Policy"');
  });

  it('answers a revalidation with 304 while the page is unchanged, and a new page once it changes', async () => {
    const site = app();
    const first = await site.request(`/articles/${testSlug}`);
    const etag = first.headers.get('ETag');
    expect(etag).toBeTruthy();
    const again = await site.request(`/articles/${testSlug}`, {
      headers: { 'If-None-Match': etag ?? '' },
    });
    expect(again.status).toBe(304);
    await saveArticle(database.db, { ...seed, headline: 'A corrected headline' });
    const changed = await site.request(`/articles/${testSlug}`, {
      headers: { 'If-None-Match': etag ?? '' },
    });
    expect(changed.status).toBe(200);
    expect(await changed.text()).toContain('A corrected headline');
  });

  it('keeps the comment count in the JSON-LD in step with new comments', async () => {
    const site = app();
    const page = async () => (await site.request(`/articles/${testSlug}`)).text();
    expect(await page()).toContain('"commentCount":0');
    await site.request(
      `/api/articles/${testSlug}/comments`,
      jsonRequest('POST', {
        comment: 'Counted.',
        name: 'Ada',
        email: 'ada@example.com',
        website: '',
        parentId: null,
        clientId: crypto.randomUUID(),
      }),
    );
    expect(await page()).toContain('"commentCount":1');
  });

  it('renders page 1 of the approved comments into the page, its JSON-LD and its data', async () => {
    const site = app();
    const post = (comment: string, extra: Record<string, unknown> = {}) =>
      site.request(
        `/api/articles/${testSlug}/comments`,
        jsonRequest('POST', {
          comment,
          name: 'Ada <Lovelace>',
          email: 'ada@example.com',
          website: '',
          parentId: null,
          clientId: crypto.randomUUID(),
          ...extra,
        }),
      );
    const first = (await (await post('First </script> words.')).json()) as {
      comment: { id: string };
    };
    // Two links: held for moderation, so shown to no one in the cached page.
    await post('See https://a.example and https://b.example', { email: 'bo@example.com' });
    const html = await (await site.request(`/articles/${testSlug}`)).text();
    // Readable as it is, escaped as text: the list the client's section renders.
    expect(html).toContain(
      `<li id="comment-${first.comment.id}" class="comment comment--depth-1">`,
    );
    expect(html).toContain('First &lt;/script&gt; words.');
    expect(html).toContain('Ada &lt;Lovelace&gt;');
    expect(html).toContain('One thought on');
    expect(html).toContain('<section id="comments" class="comments"');
    // In place, not sent later for an inline script to move in (the CSP allows none).
    expect(html).not.toContain('<template');
    expect(html).not.toContain('hidden id="S:');
    expect(html).not.toContain('https://a.example');
    expect(html).not.toContain('ada@example.com');
    // For search engines: the comment as a schema.org Comment.
    const jsonLd = JSON.parse(
      /<script type="application\/ld\+json">(.*?)<\/script>/.exec(html)?.[1] ?? '{}',
    ) as { commentCount: number; comment: { '@type': string; text: string }[] };
    expect(jsonLd.commentCount).toBe(1);
    expect(jsonLd.comment).toEqual([
      expect.objectContaining({ '@type': 'Comment', text: 'First </script> words.' }),
    ]);
    // For hydration: the same page in the page's data, and nothing in it closes the script.
    const state = /<script type="application\/json" id="app-state">(.*?)<\/script>/.exec(html);
    const parsed = JSON.parse(state?.[1] ?? '{}') as {
      comments: { slug: string; order: string; page: { total: number; comments: unknown[] } };
    };
    expect(parsed.comments).toMatchObject({ slug: testSlug, order: 'oldest', page: { total: 1 } });
    expect(parsed.comments.page.comments).toHaveLength(1);
  });

  it('follows the owner’s rules: page 1 of their page size, and no form once comments close', async () => {
    const site = app();
    for (const n of [1, 2, 3]) {
      const response = await site.request(
        `/api/articles/${testSlug}/comments`,
        jsonRequest('POST', {
          comment: `Thread ${n}.`,
          name: `Reader ${n}`,
          email: `reader${n}@example.com`,
          website: '',
          parentId: null,
          clientId: crypto.randomUUID(),
        }),
      );
      expect(response.status).toBe(201);
    }
    const threads = (html: string) => html.match(/class="comment comment--depth-1"/g)?.length ?? 0;
    const open = await (await site.request(`/articles/${testSlug}`)).text();
    expect(threads(open)).toBe(3);
    expect(open).toContain('Leave a Reply');
    expect(open).not.toContain('Comments are closed.');

    await saveSettings(
      database.db,
      { ...defaultModerationSettings, pageSize: 2, closedArticles: [testSlug] },
      new Date(),
    );
    // The cached page is not served: the rules are part of its version.
    const closed = await (await site.request(`/articles/${testSlug}`)).text();
    expect(threads(closed)).toBe(2);
    expect(closed).toContain('Load more comments');
    expect(closed).toContain('Comments are closed.');
    expect(closed).not.toContain('Leave a Reply');
    expect(closed).not.toContain('>Reply<');
    expect(closed).toContain('"commentsClosed":true');
  });

  it('renders the page anew when a comment on it is edited or deleted', async () => {
    const site = app();
    const clientId = crypto.randomUUID();
    const posted = (await (
      await site.request(
        `/api/articles/${testSlug}/comments`,
        jsonRequest('POST', {
          comment: 'Before the edit.',
          name: 'Ada',
          email: 'ada@example.com',
          website: '',
          parentId: null,
          clientId,
        }),
      )
    ).json()) as { comment: { id: string }; editToken: string };
    const page = async () => (await site.request(`/articles/${testSlug}`)).text();
    expect(await page()).toContain('Before the edit.');
    const path = `/api/articles/${testSlug}/comments/${posted.comment.id}`;
    const edited = await site.request(
      path,
      jsonRequest('PATCH', { comment: 'After the edit.', editToken: posted.editToken }),
    );
    expect(edited.status).toBe(200);
    const afterEdit = await page();
    expect(afterEdit).toContain('After the edit.');
    expect(afterEdit).not.toContain('Before the edit.');
    const removed = await site.request(
      path,
      jsonRequest('DELETE', { editToken: posted.editToken }),
    );
    expect(removed.status).toBe(204);
    expect(await page()).not.toContain('After the edit.');
  });

  it.runIf(testEngine === 'pglite')(
    'on the embedded engine, shows a change at the next request, however long pages are kept',
    async () => {
      const localWrites = localWritesOf(database.db);
      expect(localWrites).toBeDefined();
      const site = app({ recheckMs: 60_000, ...(localWrites ? { localWrites } : {}) });
      const page = async () => (await site.request(`/articles/${testSlug}`)).text();
      expect(await page()).not.toContain('Seen at once.');
      const posted = await site.request(
        `/api/articles/${testSlug}/comments`,
        jsonRequest('POST', {
          comment: 'Seen at once.',
          name: 'Ada',
          email: 'ada@example.com',
          website: '',
          parentId: null,
          clientId: crypto.randomUUID(),
        }),
      );
      expect(posted.status).toBe(201);
      expect(await page()).toContain('Seen at once.');
    },
  );

  describe('the comment form without JavaScript', () => {
    const formPost = (fields: Record<string, string>, headers: Record<string, string> = {}) => ({
      method: 'POST',
      body: new URLSearchParams(fields).toString(),
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: 'https://news.example',
        ...headers,
      },
    });
    const fields = {
      comment: 'Posted without a script.',
      name: 'Ada',
      email: 'ada@example.com',
      website: '',
      parentId: '',
      clientId: '',
    };
    const cookieOf = (response: Response) =>
      (response.headers.get('Set-Cookie') ?? '').split(';')[0] ?? '';

    it('stores a post and redirects to its permalink (post/redirect/get); a resend stores nothing', async () => {
      const site = app();
      const path = `/articles/${testSlug}/comments`;
      const response = await site.request(path, formPost(fields));
      expect(response.status).toBe(303);
      const location = response.headers.get('Location') ?? '';
      expect(location).toMatch(new RegExp(`^/articles/${testSlug}#comment-\\d+$`));
      const setCookie = response.headers.get('Set-Cookie') ?? '';
      expect(setCookie).toMatch(/^commenter=[\w-]+;/);
      expect(setCookie).toMatch(/HttpOnly/);
      expect(setCookie).toMatch(/SameSite=Lax/);
      // The same words sent again by the same browser (its reply lost): the same comment.
      const again = await site.request(path, formPost(fields, { Cookie: cookieOf(response) }));
      expect(again.headers.get('Location')).toBe(location);
      const html = await (await site.request(`/articles/${testSlug}`)).text();
      expect(html.match(/<li id="comment-/g)).toHaveLength(1);
      expect(html).toContain('Posted without a script.');
      expect(html).toContain('"commentCount":1');
    });

    it('answers a refused post with the page, the errors beside the fields and every word kept', async () => {
      const response = await app().request(
        `/articles/${testSlug}/comments`,
        formPost({ ...fields, comment: 'Words <b>kept</b> as typed.', email: 'not-an-address' }),
      );
      expect(response.status).toBe(400);
      expect(response.headers.get('Cache-Control')).toBe('private, no-store');
      const html = await response.text();
      expect(html).toContain('Your comment wasn’t posted: check the Email field.');
      expect(html).toMatch(
        /<textarea[^>]*name="comment"[^>]*>Words &lt;b&gt;kept&lt;\/b&gt; as typed\.<\/textarea>/,
      );
      expect(html).toMatch(
        /<input[^>]*value="Ada"[^>]*name="name"|<input[^>]*name="name"[^>]*value="Ada"/,
      );
      expect(html).toMatch(
        /aria-invalid="true"[^>]*name="email"|name="email"[^>]*aria-invalid="true"/,
      );
      expect(html).toContain('Please enter a valid email address');
      expect(html).toMatch(/<input type="hidden" name="clientId" value="[0-9a-f-]{36}"/);
    });

    it('shows a held comment to the browser that posted it, and to no one else', async () => {
      const site = app();
      const response = await site.request(
        `/articles/${testSlug}/comments`,
        formPost({ ...fields, comment: 'See https://a.example and https://b.example' }),
      );
      expect(response.status).toBe(303);
      const own = await site.request(`/articles/${testSlug}`, {
        headers: { Cookie: cookieOf(response) },
      });
      expect(own.headers.get('Cache-Control')).toBe('private, no-store');
      const ownHtml = await own.text();
      expect(ownHtml).toContain('Your comment is awaiting moderation.');
      expect(ownHtml).toContain('See https://a.example and https://b.example');
      const theirs = await (await site.request(`/articles/${testSlug}`)).text();
      expect(theirs).not.toContain('https://a.example');
    });

    it('refuses a form posted from another site', async () => {
      const response = await app().request(
        `/articles/${testSlug}/comments`,
        formPost(fields, { Origin: 'https://evil.example' }),
      );
      expect(response.status).toBe(403);
    });
  });

  it("puts an article’s text into the page as it is, $& and $' included", async () => {
    await saveArticle(database.db, {
      ...seed,
      slug: 'dollar-signs',
      headline: "Prices: $& and $' and $1 and </head>",
    });
    const html = await (await app().request('/articles/dollar-signs')).text();
    expect(html).toContain('Prices: $&amp; and $&#x27; and $1 and &lt;/head&gt;');
    expect(html.match(/<\/head>/g)).toHaveLength(1);
  });

  it('renders an imported WordPress post (marks, headings, lists, figures) as elements, with nothing of its scripts', async () => {
    const wxr = `<?xml version="1.0"?><rss xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Old blog</title><wp:wxr_version>1.2</wp:wxr_version>
<item><title>Imported</title><link>https://old.example/imported/</link><wp:post_id>9</wp:post_id><wp:post_date_gmt>2024-01-01 00:00:00</wp:post_date_gmt><wp:post_name>imported</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<content:encoded><![CDATA[<p>See <a href="https://x.example/" onclick="steal()">this</a> and <a href="javascript:alert(1)">that</a>.</p><h2>Part two</h2><ol><li>one</li></ol>[caption width="300"]<img src="https://cdn.example/a.jpg" alt="A boat" width="300" height="200" /> A boat at sea[/caption]<script>alert(1)</script><img src=x onerror="alert(2)">]]></content:encoded></item></channel></rss>`;
    await applyImport(database.db, 'wxr', readWxr(stringBytes(wxr), 'old.xml'));
    const html = await (await app().request('/articles/imported')).text();
    const body = html.slice(
      html.indexOf('<div id="root">'),
      html.indexOf('<script type="application/json"'),
    );
    expect(body).toContain(
      '<p>See <a href="https://x.example/" rel="noopener">this</a> and that.</p>',
    );
    expect(body).toContain('<h2 class="article-body__heading">Part two</h2>');
    expect(body).toContain('<ol class="article-body__list"><li>one</li></ol>');
    expect(body).toMatch(/<img[^>]*src="https:\/\/cdn\.example\/a\.jpg"[^>]*alt="A boat"/);
    expect(body).toContain('A boat at sea</figcaption>');
    expect(body).toContain(
      '<a href="https://old.example/imported/" rel="noopener">Source link</a>',
    );
    expect(body).not.toMatch(/onclick|onerror|javascript:|<script/);
    expect(html).toContain(
      '<link rel="alternate" type="application/rss+xml" title="The Daily Thread" href="/feed.xml" />',
    );
  });

  it('answers an unknown article or address with a real 404 and the not-found page', async () => {
    for (const path of ['/articles/no-such-story', '/some/where']) {
      const response = await app().request(path);
      expect(response.status).toBe(404);
      expect(response.headers.get('Content-Type')).toMatch(/^text\/html/);
      expect(await response.text()).toContain('Page not found');
    }
  });

  it('answers the moderation screens with their shell: 200, kept out of search engines and caches', async () => {
    for (const path of ['/moderate', '/moderate/settings', '/moderate/anything/else']) {
      const response = await app().request(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('Cache-Control')).toBe('private, no-store');
      // A signed-in moderator's screens are isolated from any window that opened them.
      expect(response.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
      const html = await response.text();
      expect(html).toContain('<meta name="robots" content="noindex, nofollow" />');
      expect(html).not.toContain('Page not found');
    }
    expect((await app().request('/moderately-interesting')).status).toBe(404);
    // Readers' pages are not (see respond() in the page renderer); the API is.
    const article = await app().request(`/articles/${testSlug}`);
    expect(article.headers.get('Cross-Origin-Opener-Policy')).toBe('unsafe-none');
    const api = await app().request(`/api/articles/${testSlug}/comments`);
    expect(api.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
  });

  it('serves hashed assets immutable and precompressed, and a missing one as a 404, never the app', async () => {
    const site = app();
    const asset = await site.request('/assets/index-abc123.js', {
      headers: { 'Accept-Encoding': 'gzip, deflate, br' },
    });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('Content-Encoding')).toBe('br');
    expect(asset.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    const body = brotliDecompressSync(Buffer.from(await asset.arrayBuffer())).toString();
    expect(body).toContain('console.log("the app")');
    const plain = await site.request('/assets/index-abc123.js');
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    const robots = await site.request('/robots.txt');
    expect(robots.headers.get('Cache-Control')).toBe('public, max-age=3600');
    for (const missing of ['/assets/index-old999.js', '/favicon-gone.png']) {
      const response = await site.request(missing);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('<html');
    }
  });

  it('compresses pages for clients that accept it', async () => {
    const response = await app().request(`/articles/${testSlug}`, {
      headers: { 'Accept-Encoding': 'br' },
    });
    expect(response.headers.get('Content-Encoding')).toBe('br');
    const html = brotliDecompressSync(Buffer.from(await response.arrayBuffer())).toString();
    expect(html).toContain('Putin meets with China’s defense minister in Moscow');
  });
});
