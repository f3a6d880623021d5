import { defaultModerationSettings, queuePageSchema } from '../../../src/contract/moderation';
import { testPasswordCost } from '../../lib/passwords';
import { addTestModerator, loose, moderatorBrowser } from '../../test/moderation-client';
import {
  addTestArticle,
  jsonRequest,
  newCommentRequest,
  testApp,
  testSlug,
} from '../../test/test-app';
import { openTestDatabase, type TestDatabase } from '../../test/test-database';

let database: TestDatabase;
let clock: Date;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());
beforeEach(async () => {
  await database.reset();
  await addTestArticle(database.db);
  await addTestModerator(database.db);
  clock = new Date('2026-12-01T10:00:00Z');
});

const commentsPath = `/api/articles/${testSlug}/comments`;
const comment = newCommentRequest;

async function setup(settings: Record<string, unknown> = {}) {
  const { app } = testApp(database.db, { now: () => clock, passwordCost: testPasswordCost });
  const moderator = moderatorBrowser(app);
  await moderator.signIn();
  if (Object.keys(settings).length) {
    const response = await moderator.send('PUT', '/api/moderation/settings', {
      ...defaultModerationSettings,
      ...settings,
    });
    expect(response.status).toBe(200);
  }
  async function post(body: Record<string, unknown>) {
    clock = new Date(clock.getTime() + 60_000);
    return loose(await app.request(commentsPath, jsonRequest('POST', body)));
  }
  async function fate(body: Record<string, unknown>) {
    const response = await post(body);
    expect(response.status).toBe(201);
    const id = (await response.json()).comment.id as string;
    for (const status of ['approved', 'pending', 'spam'] as const) {
      const queue = queuePageSchema.parse(
        await (await moderator.get(`/api/moderation/comments?status=${status}&limit=100`)).json(),
      );
      const item = queue.items.find((i) => i.id === id);
      if (item) return { status, reasons: item.reasons };
    }
    return null;
  }
  return { app, moderator, post, fate };
}

describe('settings', () => {
  it('starts from the defaults, today’s behaviour', async () => {
    const { moderator } = await setup();
    const response = await moderator.get('/api/moderation/settings');
    expect(await response.json()).toEqual({
      maxLinks: 2,
      moderationWords: '',
      disallowedWords: '',
      holdFirstComment: false,
      closeAfterDays: 0,
      closedArticles: [],
      floodSeconds: 15,
      editWindowMinutes: 15,
      pageSize: 50,
    });
  });

  it('saves them, tidies word lists, and records which changed in the audit log', async () => {
    const { moderator } = await setup();
    const response = await moderator.send('PUT', '/api/moderation/settings', {
      ...defaultModerationSettings,
      maxLinks: 3,
      moderationWords: '  casino \n\n viagra\r\n',
    });
    expect(response.status).toBe(200);
    expect((await response.json()).moderationWords).toBe('casino\nviagra');
    expect((await (await moderator.get('/api/moderation/settings')).json()).maxLinks).toBe(3);
    const audit = await (await moderator.get('/api/moderation/audit')).json();
    expect(audit.entries[0]).toMatchObject({
      action: 'settings',
      detail: 'Changed: maxLinks, moderationWords',
    });
    expect(JSON.stringify(audit)).not.toContain('casino');
  });

  it('names the field of a bad value', async () => {
    const { moderator } = await setup();
    const response = await moderator.send('PUT', '/api/moderation/settings', {
      ...defaultModerationSettings,
      maxLinks: -1,
    });
    expect(response.status).toBe(400);
    expect(Object.keys((await response.json()).fieldErrors)).toEqual(['maxLinks']);
  });

  it('is for moderators only', async () => {
    const { app } = await setup();
    expect(loose(await app.request('/api/moderation/settings')).status).toBe(401);
  });
});

describe('the owner’s rules, through the API', () => {
  it('holds a comment with maxLinks links, and 0 turns the rule off', async () => {
    const twoLinks = 'https://a.example and www.b.example';
    expect(await (await setup()).fate(comment({ comment: twoLinks }))).toEqual({
      status: 'pending',
      reasons: ['links'],
    });
    expect(await (await setup({ maxLinks: 3 })).fate(comment({ comment: twoLinks }))).toMatchObject(
      {
        status: 'approved',
      },
    );
    expect(
      await (await setup({ maxLinks: 0 })).fate(comment({ comment: `${twoLinks} ${twoLinks}` })),
    ).toMatchObject({
      status: 'approved',
    });
  });

  it('holds a comment with a moderation word in its text, name, email or website, in any case', async () => {
    const { fate } = await setup({ moderationWords: 'casino\nPress' });
    expect(await fate(comment({ comment: 'Visit my CASINO' }))).toEqual({
      status: 'pending',
      reasons: ['moderation-word'],
    });
    expect((await fate(comment({ name: 'WordPress fan' })))?.status).toBe('pending');
    expect((await fate(comment({ email: 'casino.king@example.com' })))?.status).toBe('pending');
    expect((await fate(comment({ website: 'https://casino.example' })))?.status).toBe('pending');
    expect((await fate(comment({ comment: 'Nothing to see' })))?.status).toBe('approved');
  });

  it('matches moderation words in the sender’s address too', async () => {
    const { moderator } = await setup({ moderationWords: '203.0.113.' });
    const { app } = testApp(database.db, { now: () => clock, trustProxyHops: 1 });
    clock = new Date(clock.getTime() + 60_000);
    loose(
      await app.request(
        commentsPath,
        jsonRequest('POST', comment(), { 'X-Forwarded-For': '203.0.113.9' }),
      ),
    );
    const queue = await (await moderator.get('/api/moderation/comments')).json();
    expect(queue.items[0].reasons).toEqual(['moderation-word']);
  });

  it('sends a comment with a disallowed word to spam, which its author is not told', async () => {
    const { fate, post } = await setup({ disallowedWords: 'buy pills', moderationWords: 'pills' });
    expect(await fate(comment({ comment: 'Cheap! BUY PILLS now' }))).toEqual({
      status: 'spam',
      reasons: ['disallowed-word'],
    });
    const response = await post(comment({ comment: 'buy pills here' }));
    expect(response.status).toBe(201);
    expect((await response.json()).comment.status).toBe('pending');
  });

  it('holds a first comment until one by the same address is approved', async () => {
    const { fate, moderator } = await setup({ holdFirstComment: true });
    const first = await fate(comment({ email: 'new@example.com' }));
    expect(first).toEqual({ status: 'pending', reasons: ['first-comment'] });
    expect((await fate(comment({ email: 'new@example.com' })))?.status).toBe('pending');
    const queue = await (await moderator.get('/api/moderation/comments')).json();
    await moderator.send('POST', '/api/moderation/comments/actions', {
      action: 'approve',
      ids: [queue.items[1].id],
    });
    expect((await fate(comment({ email: 'NEW@example.com' })))?.status).toBe('approved');
  });

  it('closes comments on one article, or on articles older than N days, and says so to readers', async () => {
    const { post, app, moderator } = await setup({ closedArticles: [testSlug] });
    const refused = await post(comment());
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({
      status: 403,
      message: 'Sorry, comments are closed for this item.',
    });
    expect((await loose(await app.request(commentsPath)).json()).commentsClosed).toBe(true);

    await moderator.send('PUT', '/api/moderation/settings', { ...defaultModerationSettings });
    expect((await post(comment())).status).toBe(201);
    expect((await loose(await app.request(commentsPath)).json()).commentsClosed).toBeUndefined();

    // The sample article was published in April 2023: 10 000 days leave it open, 1 closes it.
    await moderator.send('PUT', '/api/moderation/settings', {
      ...defaultModerationSettings,
      closeAfterDays: 10000,
    });
    expect((await post(comment())).status).toBe(201);
    await moderator.send('PUT', '/api/moderation/settings', {
      ...defaultModerationSettings,
      closeAfterDays: 1,
    });
    expect((await post(comment())).status).toBe(403);
  });

  it('uses the flood interval set', async () => {
    const { app } = await setup({ floodSeconds: 120 });
    const send = (body: Record<string, unknown>) =>
      app.request(commentsPath, jsonRequest('POST', body));
    expect((await send(comment({ email: 'fast@example.com' }))).status).toBe(201);
    clock = new Date(clock.getTime() + 60_000);
    const refused = await send(comment({ email: 'fast@example.com' }));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('Retry-After')).toBe('60');
  });

  it('uses the edit window set', async () => {
    const { app } = await setup({ editWindowMinutes: 1 });
    const posted = loose(await app.request(commentsPath, jsonRequest('POST', comment())));
    const { comment: made, editToken } = await posted.json();
    clock = new Date(clock.getTime() + 2 * 60_000);
    const edit = loose(
      await app.request(
        `${commentsPath}/${made.id}`,
        jsonRequest('PATCH', { comment: 'Changed', editToken }),
      ),
    );
    expect(edit.status).toBe(403);
    expect((await edit.json()).message).toMatch(/1-minute editing window/);
  });

  it('uses the page size set when a reader names no limit', async () => {
    const { app } = await setup({ pageSize: 2 });
    for (let i = 0; i < 3; i += 1) {
      clock = new Date(clock.getTime() + 60_000);
      loose(await app.request(commentsPath, jsonRequest('POST', comment())));
    }
    const page = await loose(await app.request(commentsPath)).json();
    expect(page.comments).toHaveLength(2);
    expect(page.nextCursor).not.toBeNull();
  });
});
