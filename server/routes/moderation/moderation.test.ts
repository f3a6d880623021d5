import { commentPageSchema } from '../../../src/contract/comments';
import {
  auditPageSchema,
  moderationActionResponseSchema,
  queuePageSchema,
  replyResponseSchema,
} from '../../../src/contract/moderation';
import { putinMeetsChinaDefenseMinister } from '../../../mocks/fixtures/articles/putin-meets-china-defense-minister';
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
const held = (overrides: Record<string, unknown> = {}) =>
  comment({
    comment: `See https://a.example and https://b.example (${crypto.randomUUID()})`,
    ...overrides,
  });

async function setup() {
  const { app } = testApp(database.db, { now: () => clock, passwordCost: testPasswordCost });
  const moderator = moderatorBrowser(app);
  expect((await moderator.signIn()).status).toBe(200);
  async function post(body: Record<string, unknown>, token?: string) {
    clock = new Date(clock.getTime() + 1000);
    const response = loose(
      await app.request(
        commentsPath,
        jsonRequest('POST', body, token ? { 'X-Commenter-Token': token } : {}),
      ),
    );
    expect(response.status).toBe(201);
    return (await response.json()).comment.id as string;
  }
  async function readerPage(token?: string) {
    const response = loose(
      await app.request(commentsPath, {
        headers: token ? { 'X-Commenter-Token': token } : {},
      }),
    );
    return commentPageSchema.parse(await response.json());
  }
  async function queue(query = '') {
    const response = await moderator.get(`/api/moderation/comments${query}`);
    expect(response.status).toBe(200);
    return queuePageSchema.parse(await response.json());
  }
  async function act(body: unknown) {
    const response = await moderator.send('POST', '/api/moderation/comments/actions', body);
    expect(response.status).toBe(200);
    return moderationActionResponseSchema.parse(await response.json());
  }
  return { app, moderator, post, readerPage, queue, act };
}

describe('the queue', () => {
  it('lists held comments newest first, with what moderators need and why each was held', async () => {
    const { post, queue } = await setup();
    const first = await post(held({ name: 'First' }));
    const second = await post(held({ name: 'Second', website: 'https://second.example' }));
    await post(comment());
    const page = await queue();
    expect(page.items.map((i) => i.id)).toEqual([second, first]);
    expect(page.counts).toEqual({ pending: 2, approved: 1, spam: 0, trash: 0 });
    expect(page.total).toBe(2);
    expect(page.items[0]).toMatchObject({
      article: { slug: testSlug, title: putinMeetsChinaDefenseMinister.headline },
      author: 'Second',
      email: expect.stringMatching(/@example\.com$/),
      website: 'https://second.example/',
      status: 'pending',
      reasons: ['links'],
      byModerator: false,
    });
  });

  it('shows the sender’s address truncated to its network', async () => {
    const { queue } = await setup();
    const { app } = testApp(database.db, { now: () => clock, trustProxyHops: 1 });
    loose(
      await app.request(
        commentsPath,
        jsonRequest('POST', held(), { 'X-Forwarded-For': '203.0.113.77' }),
      ),
    );
    loose(
      await app.request(
        commentsPath,
        jsonRequest('POST', held(), { 'X-Forwarded-For': '2001:db8:abcd:12::1' }),
      ),
    );
    const ips = (await queue()).items.map((i) => i.ip);
    expect(ips).toEqual(['2001:db8:abcd::/48', '203.0.113.0/24']);
  });

  it('filters by article, searches text, name and email, and pages', async () => {
    const { post, queue } = await setup();
    await post(held({ name: 'Grace Hopper' }));
    await post(held({ comment: 'Find the WORD needle here https://x.example www.y.example' }));
    await post(held({ email: 'needle@example.org' }));
    expect((await queue('?q=needle')).total).toBe(2);
    expect((await queue('?q=grace')).items.map((i) => i.author)).toEqual(['Grace Hopper']);
    expect((await queue('?q=%25')).total).toBe(0);
    const pageTwo = await queue('?limit=2&page=2');
    expect(pageTwo.items).toHaveLength(1);
    expect(pageTwo.total).toBe(3);
    expect((await queue('?article=no-such-article')).total).toBe(0);
    expect((await queue(`?article=${testSlug}`)).total).toBe(3);
  });

  it('names the field of a bad query', async () => {
    const { moderator } = await setup();
    const response = await moderator.get('/api/moderation/comments?status=everything');
    expect(response.status).toBe(400);
    expect(Object.keys((await response.json()).fieldErrors)).toEqual(['status']);
  });

  it('answers 401 to a reader, and never shows them a held comment or an email', async () => {
    const { app, post } = await setup();
    await post(held());
    const response = loose(await app.request('/api/moderation/comments'));
    expect(response.status).toBe(401);
    const text = await response.text();
    expect(text).not.toMatch(/example\.com|https:\/\/a\.example/);
  });
});

describe('actions', () => {
  it('approves a held comment: readers see it at once, counted', async () => {
    const { post, readerPage, act, queue } = await setup();
    const id = await post(held());
    expect((await readerPage()).comments).toHaveLength(0);
    const result = await act({ action: 'approve', ids: [id] });
    expect(result.results).toEqual([{ id, ok: true, from: 'pending', to: 'approved' }]);
    expect(result.counts).toMatchObject({ pending: 0, approved: 1 });
    const page = await readerPage();
    expect(page.comments.map((c) => c.id)).toEqual([id]);
    expect(page.total).toBe(1);
    expect((await queue('?status=approved')).items.map((i) => i.id)).toEqual([id]);
  });

  it('takes a published comment down to spam or trash: gone for everyone, its author too', async () => {
    const { post, readerPage, act } = await setup();
    const token = 'author-token-0123456789';
    const a = await post(comment(), token);
    const b = await post(comment(), token);
    await readerPage(); // cached now: the change must reach readers anyway
    const result = await act({ action: 'spam', ids: [a] });
    expect(result.results[0]).toMatchObject({ from: 'approved', to: 'spam' });
    await act({ action: 'trash', ids: [b] });
    for (const page of [await readerPage(), await readerPage(token)]) {
      expect(page.comments).toEqual([]);
      expect(page.total).toBe(0);
    }
  });

  it('restores from spam or trash to the status before', async () => {
    const { post, act, readerPage } = await setup();
    const approved = await post(comment());
    const pending = await post(held());
    await act({ action: 'trash', ids: [approved, pending] });
    await act({ action: 'spam', ids: [approved] }); // trash → spam keeps what it was before
    const restored = await act({ action: 'restore', ids: [approved, pending] });
    expect(restored.results).toEqual([
      { id: approved, ok: true, from: 'spam', to: 'approved' },
      { id: pending, ok: true, from: 'trash', to: 'pending' },
    ]);
    expect((await readerPage()).comments.map((c) => c.id)).toEqual([approved]);
  });

  it('undoes an action with the request it answered with', async () => {
    const { post, act, readerPage } = await setup();
    const a = await post(held());
    const b = await post(comment());
    const done = await act({ action: 'trash', ids: [a, b] });
    expect(done.undo).toEqual({
      action: 'undo',
      items: [
        { id: a, status: 'pending', expected: 'trash' },
        { id: b, status: 'approved', expected: 'trash' },
      ],
    });
    const undone = await act(done.undo);
    expect(undone.results.map((r) => r.to)).toEqual(['pending', 'approved']);
    expect(undone.undo).toBeNull();
    expect((await readerPage()).comments.map((c) => c.id)).toEqual([b]);
  });

  it('leaves a comment that someone changed since alone when undoing', async () => {
    const { post, act } = await setup();
    const a = await post(held());
    const done = await act({ action: 'approve', ids: [a] });
    await act({ action: 'spam', ids: [a] });
    const undone = await act(done.undo);
    expect(undone.results[0]).toMatchObject({ ok: false, from: 'spam', to: 'spam' });
  });

  it('deletes permanently only from spam or trash', async () => {
    const { post, act, queue } = await setup();
    const a = await post(held());
    const refused = await act({ action: 'delete', ids: [a] });
    expect(refused.results[0]).toMatchObject({
      ok: false,
      message: expect.stringMatching(/trash it first/),
    });
    await act({ action: 'trash', ids: [a] });
    const deleted = await act({ action: 'delete', ids: [a] });
    expect(deleted.results[0]).toEqual({ id: a, ok: true, from: 'trash', to: null });
    expect(deleted.undo).toBeNull();
    expect((await queue('?status=trash')).total).toBe(0);
  });

  it('keeps a placeholder when a deleted comment has replies', async () => {
    const { post, act, readerPage } = await setup();
    const parent = await post(comment());
    const reply = await post(comment({ parentId: parent }));
    await act({ action: 'spam', ids: [parent] });
    expect((await readerPage()).comments).toEqual([]);
    await act({ action: 'delete', ids: [parent] });
    const page = await readerPage();
    expect(page.comments.map((c) => [c.id, c.status, c.content])).toEqual([
      [parent, 'deleted', ''],
      [reply, 'approved', expect.any(String)],
    ]);
  });

  it('reports an unknown id without failing the others', async () => {
    const { post, act } = await setup();
    const a = await post(held());
    const result = await act({ action: 'approve', ids: ['999999', a, 'nonsense'] });
    expect(result.results.map((r) => r.ok)).toEqual([false, true, false]);
  });

  it('names what is wrong with a bad action', async () => {
    const { moderator } = await setup();
    const response = await moderator.send('POST', '/api/moderation/comments/actions', {
      action: 'approve',
      ids: [],
    });
    expect(response.status).toBe(400);
    expect((await response.json()).fieldErrors).toEqual({ ids: 'Choose at least one comment.' });
  });

  it('edits the text, and gives the old text back for an undo', async () => {
    const { post, moderator, readerPage } = await setup();
    const a = await post(comment({ comment: 'Rude words here.' }));
    const response = await moderator.send('PATCH', `/api/moderation/comments/${a}`, {
      content: 'Kind words here.',
    });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.previousContent).toBe('Rude words here.');
    expect(body.item.content).toBe('Kind words here.');
    expect((await readerPage()).comments[0]?.content).toBe('Kind words here.');
    expect(
      (await moderator.send('PATCH', '/api/moderation/comments/999', { content: 'x' })).status,
    ).toBe(404);
  });

  it('replies as the site: approved at once, marked for readers, approving a held parent', async () => {
    const { post, moderator, readerPage, act } = await setup();
    const parent = await post(held());
    const response = await moderator.send('POST', `/api/moderation/comments/${parent}/reply`, {
      content: 'Thanks, we have corrected the article.',
    });
    expect(response.status).toBe(201);
    const body = replyResponseSchema.parse(await response.json());
    expect(body.item).toMatchObject({
      status: 'approved',
      byModerator: true,
      parentId: parent,
      author: 'Mo Derator',
    });
    expect(body.parent.status).toBe('approved');
    const page = await readerPage();
    expect(page.comments.map((c) => [c.id, c.byModerator])).toEqual([
      [parent, undefined],
      [body.item.id, true],
    ]);
    expect(JSON.stringify(page)).not.toContain('mo@example.test');
    await act(body.undo);
    expect((await readerPage()).comments).toEqual([]);
  });

  it('refuses a reply to a comment in spam', async () => {
    const { post, moderator, act } = await setup();
    const a = await post(comment());
    await act({ action: 'spam', ids: [a] });
    const response = await moderator.send('POST', `/api/moderation/comments/${a}/reply`, {
      content: 'Hi',
    });
    expect(response.status).toBe(409);
  });
});

describe('the audit log', () => {
  it('records who did what to which comment, newest first, with no email', async () => {
    const { post, act, moderator } = await setup();
    const a = await post(held());
    await act({ action: 'approve', ids: [a] });
    clock = new Date(clock.getTime() + 1000);
    await act({ action: 'trash', ids: [a] });
    const response = await moderator.get('/api/moderation/audit');
    expect(response.status).toBe(200);
    const log = auditPageSchema.parse(await response.json());
    expect(log.entries.map((e) => [e.action, e.commentId, e.fromStatus, e.toStatus])).toEqual([
      ['trash', a, 'approved', 'trash'],
      ['approve', a, 'pending', 'approved'],
    ]);
    expect(log.entries[0]?.moderator?.name).toBe('Mo Derator');
    expect(log.entries[0]?.article?.slug).toBe(testSlug);
    expect(JSON.stringify(log)).not.toMatch(/@example/);
    const forComment = await moderator.get(`/api/moderation/audit?commentId=${a}`);
    expect(auditPageSchema.parse(await forComment.json()).total).toBe(2);
  });
});

describe('methods', () => {
  it('answers a method a moderation path does not take with 405 and Allow, once signed in', async () => {
    const { moderator, app } = await setup();
    const wrong = await moderator.send('DELETE', '/api/moderation/comments/actions');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('Allow')).toBe('POST');
    expect((await app.request('/api/moderation/comments/actions')).status).toBe(401);
  });
});
