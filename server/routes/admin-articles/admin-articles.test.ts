import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditPageSchema } from '../../../src/contract/moderation';
import { createPageRenderer, type RenderModule } from '../../pages/page-renderer';
import { testPasswordCost } from '../../lib/passwords';
import {
  addTestModerator,
  editorAccount,
  loose,
  moderatorAccount,
  moderatorBrowser,
} from '../../test/moderation-client';
import { addTestArticle, testApp, testSlug } from '../../test/test-app';
import { openTestDatabase, type TestDatabase } from '../../test/test-database';

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
const entryServer = '../../../src/entry-server.tsx';
let render: RenderModule;
let database: TestDatabase;
let clock: Date;
beforeAll(async () => {
  render = (await import(/* @vite-ignore */ entryServer)) as RenderModule;
  database = await openTestDatabase();
});
afterAll(() => database.close());
beforeEach(async () => {
  await database.reset();
  await addTestArticle(database.db);
  await addTestModerator(database.db);
  await addTestModerator(database.db, editorAccount);
  clock = new Date('2026-12-01T10:00:00Z');
});

const draft = {
  title: 'Council votes on the budget',
  description: 'The vote came late at night.',
  slug: 'council-votes-on-budget',
  markdown:
    'The council *voted* at midnight.\n\n![The chamber](https://img.example/chamber.jpg "The council chamber | Photo: A. Reporter")\n',
};

function setup() {
  const pages = createPageRenderer({
    db: database.db,
    render,
    indexHtml,
    cssFor: () => '',
    staticDirs: [{ dir: mkdtempSync(join(tmpdir(), 'dist-')), prefix: '/' }],
    publicUrl: 'https://news.example',
    recheckMs: 0,
    now: () => clock,
  });
  const { app } = testApp(database.db, {
    now: () => clock,
    passwordCost: testPasswordCost,
    pages,
  });
  const editor = moderatorBrowser(app);
  /** What a reader gets, everywhere an article shows. */
  async function reader(slug: string) {
    const api = await app.request(`/api/articles/${slug}`);
    const list = (await (await app.request('/api/articles')).json()) as {
      articles: { slug: string }[];
    };
    const page = await app.request(`/articles/${slug}`);
    const front = await (await app.request('/')).text();
    const feed = await (await app.request('/feed.xml')).text();
    return {
      api: api.status,
      inList: list.articles.some((a) => a.slug === slug),
      page: page.status,
      pageHtml: page.status === 200 ? await page.text() : '',
      onFrontPage: front.includes(`/articles/${slug}`),
      inFeed: feed.includes(`/articles/${slug}`),
    };
  }
  const hidden = {
    api: 404,
    inList: false,
    page: 404,
    pageHtml: '',
    onFrontPage: false,
    inFeed: false,
  };
  return { app, editor, reader, hidden };
}

describe('the admin article API', () => {
  it('needs a session, the editor role, and changes from the site with the header', async () => {
    const { app, editor } = setup();
    expect((await editor.get('/api/admin/articles')).status).toBe(401);
    const signedOut = await editor.send('POST', '/api/admin/articles', draft);
    expect(signedOut.status).toBe(401);
    expect((await signedOut.json()).message).toBe('Sign in to moderate.');

    const moderator = moderatorBrowser(app);
    expect((await moderator.signIn(moderatorAccount)).status).toBe(200);
    const refused = await moderator.get('/api/admin/articles');
    expect(refused.status).toBe(403);
    expect((await refused.json()).message).toMatch(/Only an editor can manage articles/);
    expect((await moderator.send('POST', '/api/admin/articles', draft)).status).toBe(403);
    // The moderation screens still work for a moderator.
    expect((await moderator.get('/api/moderation/comments')).status).toBe(200);

    expect((await editor.signIn(editorAccount)).status).toBe(200);
    const noHeader = await editor.send('POST', '/api/admin/articles', draft, {
      'X-Moderation-Request': '',
    });
    expect(noHeader.status).toBe(403);
    const crossSite = await editor.send('POST', '/api/admin/articles', draft, {
      'Sec-Fetch-Site': 'cross-site',
    });
    expect(crossSite.status).toBe(403);
    const list = await editor.get('/api/admin/articles');
    expect(list.status).toBe(200);
    expect(list.headers.get('Cache-Control')).toBe('no-store');
    expect((await list.json()).articles).toEqual([
      expect.objectContaining({ slug: testSlug, status: 'published' }),
    ]);
    // An editor moderates too.
    expect((await editor.get('/api/moderation/comments')).status).toBe(200);
  });

  it('says which field is wrong and how to fix it; a taken slug is a 409 on the slug', async () => {
    const { editor } = setup();
    await editor.signIn(editorAccount);
    const empty = await editor.send('POST', '/api/admin/articles', {
      title: '  ',
      description: '',
      slug: 'Not A Slug',
      markdown: '',
    });
    expect(empty.status).toBe(400);
    expect((await empty.json()).fieldErrors).toEqual({
      title: 'Give the article a title.',
      description: 'Write a short description: readers see it on the front page and in the feed.',
      slug: 'Use lower-case letters and digits, with single hyphens between words: like council-votes-on-budget.',
      markdown: 'Write the article’s text.',
    });
    const noText = await editor.send('POST', '/api/admin/articles', {
      ...draft,
      markdown: '   \n',
    });
    expect(noText.status).toBe(400);
    expect((await noText.json()).fieldErrors.markdown).toMatch(/has no paragraph/);

    const taken = await editor.send('POST', '/api/admin/articles', { ...draft, slug: testSlug });
    expect(taken.status).toBe(409);
    expect((await taken.json()).fieldErrors).toEqual({
      slug: `Another article has the address ${testSlug}: choose another slug.`,
    });
    const created = await (await editor.send('POST', '/api/admin/articles', draft)).json();
    const renamed = await editor.send('PUT', `/api/admin/articles/${created.id}`, {
      ...draft,
      slug: testSlug,
    });
    expect(renamed.status).toBe(409);
    expect((await editor.send('PUT', '/api/admin/articles/999', draft)).status).toBe(404);
    expect((await editor.get('/api/admin/articles/abc')).status).toBe(404);
  });

  it('keeps drafts and scheduled articles from readers everywhere, and publishes them on time', async () => {
    const { editor, reader, hidden } = setup();
    await editor.signIn(editorAccount);
    const response = await editor.send('POST', '/api/admin/articles', draft);
    expect(response.status).toBe(201);
    const created = await response.json();
    expect(created).toMatchObject({ status: 'draft', slug: draft.slug, markdown: draft.markdown });
    expect(created.article.body).toEqual([
      {
        type: 'paragraph',
        text: ['The council ', { type: 'em', children: ['voted'] }, ' at midnight.'],
      },
      {
        type: 'figure',
        image: { src: 'https://img.example/chamber.jpg', alt: 'The chamber' },
        caption: 'The council chamber',
        credit: 'Photo: A. Reporter',
      },
    ]);
    expect(await reader(draft.slug)).toEqual(hidden);

    // Scheduled for noon: still hidden at 10:00, shown at noon.
    const scheduled = await editor.send('POST', `/api/admin/articles/${created.id}/publish`, {
      publishedAt: '2026-12-01T12:00:00Z',
    });
    expect(scheduled.status).toBe(200);
    expect(await scheduled.json()).toMatchObject({
      status: 'scheduled',
      publishedAt: '2026-12-01T12:00:00.000Z',
      revision: 2,
    });
    expect(await reader(draft.slug)).toEqual(hidden);
    clock = new Date('2026-12-01T12:00:00Z');
    await editor.signIn(editorAccount); // the session ended while idle
    const shown = await reader(draft.slug);
    expect(shown).toMatchObject({
      api: 200,
      inList: true,
      page: 200,
      onFrontPage: true,
      inFeed: true,
    });
    expect(shown.pageHtml).toContain('Council votes on the budget');
    expect(shown.pageHtml).toContain('The council chamber');

    // An edit reaches the cached page at once.
    const edited = await editor.send('PUT', `/api/admin/articles/${created.id}`, {
      ...draft,
      title: 'Council passes the budget',
    });
    expect(await edited.json()).toMatchObject({ status: 'published', revision: 3 });
    expect((await reader(draft.slug)).pageHtml).toContain('Council passes the budget');

    const unpublished = await editor.send('POST', `/api/admin/articles/${created.id}/unpublish`);
    expect(await unpublished.json()).toMatchObject({ status: 'draft', revision: 4 });
    expect(await reader(draft.slug)).toEqual(hidden);

    const now = await editor.send('POST', `/api/admin/articles/${created.id}/publish`, {});
    expect(await now.json()).toMatchObject({
      status: 'published',
      publishedAt: '2026-12-01T12:00:00.000Z',
    });
    expect((await reader(draft.slug)).page).toBe(200);

    const audit = auditPageSchema.parse(await (await editor.get('/api/moderation/audit')).json());
    expect(audit.entries.map((e) => [e.action, e.fromStatus, e.toStatus])).toEqual([
      ['publish-article', 'draft', 'published'],
      ['unpublish-article', 'published', 'draft'],
      ['update-article', 'published', 'published'],
      ['publish-article', 'draft', 'scheduled'],
      ['create-article', null, 'draft'],
    ]);
    expect(audit.entries[0]).toMatchObject({
      moderator: { name: editorAccount.name },
      article: { slug: draft.slug, title: 'Council passes the budget' },
    });
  });

  it('refuses a comment on a draft, and lists every status', async () => {
    const { app, editor } = setup();
    await editor.signIn(editorAccount);
    const created = await (await editor.send('POST', '/api/admin/articles', draft)).json();
    const comments = loose(await app.request(`/api/articles/${draft.slug}/comments`));
    expect(comments.status).toBe(404);
    const one = await editor.get(`/api/admin/articles/${created.id}`);
    expect(await one.json()).toMatchObject({ id: created.id, title: draft.title, status: 'draft' });
    const list = await (await editor.get('/api/admin/articles')).json();
    expect(list.articles.map((a: { slug: string; status: string }) => [a.slug, a.status])).toEqual([
      [draft.slug, 'draft'],
      [testSlug, 'published'],
    ]);
  });

  it('previews Markdown as the body model, storing nothing', async () => {
    const { editor } = setup();
    await editor.signIn(editorAccount);
    const preview = await editor.send('POST', '/api/admin/articles/preview', {
      markdown: '## Heading\n\n[a link](https://example.org) and <script>alert(1)</script>',
    });
    expect(preview.status).toBe(200);
    expect((await preview.json()).body).toEqual([
      { type: 'heading', level: 2, text: 'Heading' },
      {
        type: 'paragraph',
        text: [{ type: 'link', href: 'https://example.org/', children: ['a link'] }, ' and'],
      },
    ]);
    const list = await (await editor.get('/api/admin/articles')).json();
    expect(list.articles).toHaveLength(1);
  });
});
