/**
 * The moderation API's contract as cases that run against both implementations, the MSW mock
 * and the real server (see comment-contract.ts): the same statuses, shapes and rules on both.
 */
import { commentPageSchema, postCommentResponseSchema } from '../../src/contract/comments';
import { apiErrorBodySchema } from '../../src/contract/errors';
import {
  auditPageSchema,
  defaultModerationSettings,
  moderationActionResponseSchema,
  moderationSessionSchema,
  moderationSettingsSchema,
  queuePageSchema,
  replyResponseSchema,
} from '../../src/contract/moderation';
import type { ContractTarget } from './comment-contract';

export interface ModerationContractTarget extends ContractTarget {
  /** An account that exists on the target after reset(). */
  moderator: { email: string; password: string };
}

const slug = 'putin-meets-china-defense-minister-in-moscow';
const start = new Date('2026-12-01T10:00:00Z');

export function defineModerationContract(target: ModerationContractTarget) {
  const url = (path: string) => `${target.baseUrl()}${path}`;
  let cookie: string | null = null;

  async function call(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const response = await fetch(url(path), {
      method,
      headers: {
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...(method !== 'GET' ? { 'X-Moderation-Request': '1' } : {}),
        ...(cookie ? { Cookie: cookie } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const set = response.headers.get('Set-Cookie');
    if (set) {
      const pair = set.split(';')[0] ?? '';
      cookie = /Max-Age=0/i.test(set) || pair.endsWith('=') ? null : pair;
    }
    return response;
  }
  async function error(response: Response, status: number) {
    expect(response.status).toBe(status);
    expect(response.headers.get('Content-Type')).toMatch(/^application\/json/);
    const body = apiErrorBodySchema.parse(await response.json());
    expect(body.status).toBe(status);
    return body;
  }
  const signIn = (password = target.moderator.password, email = target.moderator.email) =>
    call('POST', '/api/moderation/session', { email, password });
  /** A reader's comment, a minute after the last (clear of the flood guard): the answer. */
  async function post(fields: Record<string, unknown>) {
    vi.setSystemTime(new Date(Date.now() + 60_000));
    const response = await fetch(url(`/api/articles/${slug}/comments`), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        comment: 'A thought.',
        name: 'Ada Reader',
        email: `ada${Math.random()}@example.com`,
        website: '',
        parentId: null,
        clientId: crypto.randomUUID(),
        ...fields,
      }),
    });
    expect(response.status).toBe(201);
    return postCommentResponseSchema.parse(await response.json());
  }
  async function postComment(fields: Record<string, unknown>) {
    return (await post(fields)).comment.id;
  }
  async function readerIds() {
    const response = await fetch(url(`/api/articles/${slug}/comments?limit=100`));
    return commentPageSchema.parse(await response.json()).comments.map((c) => c.id);
  }
  async function queue(query = '') {
    const response = await call('GET', `/api/moderation/comments${query}`);
    expect(response.status).toBe(200);
    return queuePageSchema.parse(await response.json());
  }
  async function act(body: unknown) {
    const response = await call('POST', '/api/moderation/comments/actions', body);
    expect(response.status).toBe(200);
    return moderationActionResponseSchema.parse(await response.json());
  }
  const held = 'See https://a.example and https://b.example';

  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: start });
    cookie = null;
    await target.reset();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  describe('moderation: signing in', () => {
    it('answers 401 to anyone signed out, in the error shape', async () => {
      expect((await error(await call('GET', '/api/moderation/me'), 401)).message).toBe(
        'Sign in to moderate.',
      );
      await error(await call('GET', '/api/moderation/comments'), 401);
      await error(await call('GET', '/api/moderation/settings'), 401);
    });

    it('says the same for a wrong password and an unknown account', async () => {
      const wrong = await error(await signIn('not the password'), 401);
      const unknown = await error(await signIn('whatever', 'nobody@example.test'), 401);
      expect(wrong).toEqual(unknown);
      expect(wrong.message).toBe('The email address or password is not right.');
    });

    it('signs in with an HttpOnly, SameSite=Strict cookie, then knows who is signed in', async () => {
      const response = await signIn();
      expect(response.status).toBe(200);
      const session = moderationSessionSchema.parse(await response.json());
      expect(session.moderator.email).toBe(target.moderator.email);
      expect(response.headers.get('Set-Cookie')).toMatch(/HttpOnly/i);
      expect(response.headers.get('Set-Cookie')).toMatch(/SameSite=Strict/i);
      const me = await call('GET', '/api/moderation/me');
      expect(moderationSessionSchema.parse(await me.json()).moderator).toEqual(session.moderator);
    });

    it('locks out after repeated failures, with Retry-After', async () => {
      for (let i = 0; i < 4; i += 1) await error(await signIn('wrong'), 401);
      const locked = await error(await signIn('wrong'), 429);
      expect(locked.retryAfterSeconds).toBe(30);
      await error(await signIn(), 429);
    });

    it('signs out', async () => {
      await signIn();
      const kept = cookie;
      expect((await call('DELETE', '/api/moderation/session')).status).toBe(204);
      cookie = kept;
      await error(await call('GET', '/api/moderation/me'), 401);
    });

    it('refuses a change without the custom header, or from another site, with 403', async () => {
      await signIn();
      await error(
        await call(
          'POST',
          '/api/moderation/comments/actions',
          { action: 'approve', ids: ['1'] },
          {
            'X-Moderation-Request': '',
          },
        ),
        403,
      );
      await error(
        await call(
          'POST',
          '/api/moderation/comments/actions',
          { action: 'approve', ids: ['1'] },
          {
            Origin: 'https://elsewhere.example',
          },
        ),
        403,
      );
    });
  });

  describe('moderation: the queue', () => {
    it('holds a comment with links and lists it, with the email and why', async () => {
      await signIn();
      const before = await queue();
      const id = await postComment({ comment: held, email: 'held.author@example.com' });
      const page = await queue();
      expect(page.counts.pending).toBe(before.counts.pending + 1);
      expect(page.items[0]).toMatchObject({
        id,
        email: 'held.author@example.com',
        status: 'pending',
        reasons: ['links'],
        article: { slug },
      });
      expect((await queue('?q=HELD.AUTHOR')).items.map((i) => i.id)).toEqual([id]);
    });

    it('approves it for readers, and undoes that', async () => {
      await signIn();
      const id = await postComment({ comment: held });
      expect(await readerIds()).not.toContain(id);
      const done = await act({ action: 'approve', ids: [id] });
      expect(done.results).toEqual([{ id, ok: true, from: 'pending', to: 'approved' }]);
      expect(await readerIds()).toContain(id);
      expect(done.undo).not.toBeNull();
      await act(done.undo);
      expect(await readerIds()).not.toContain(id);
    });

    it('spams a published comment away from readers; deletes only from spam or trash', async () => {
      await signIn();
      const id = await postComment({});
      expect((await act({ action: 'delete', ids: [id] })).results[0]?.ok).toBe(false);
      await act({ action: 'spam', ids: [id] });
      expect(await readerIds()).not.toContain(id);
      const restored = await act({ action: 'restore', ids: [id] });
      expect(restored.results[0]).toMatchObject({ from: 'spam', to: 'approved' });
      await act({ action: 'trash', ids: [id] });
      const deleted = await act({ action: 'delete', ids: [id] });
      expect(deleted.results[0]).toEqual({ id, ok: true, from: 'trash', to: null });
      expect(deleted.undo).toBeNull();
    });

    it('replies as the site, marked byModerator for readers', async () => {
      await signIn();
      const parent = await postComment({ comment: held });
      const response = await call('POST', `/api/moderation/comments/${parent}/reply`, {
        content: 'Thank you.',
      });
      expect(response.status).toBe(201);
      const reply = replyResponseSchema.parse(await response.json());
      expect(reply.parent.status).toBe('approved');
      const page = commentPageSchema.parse(
        await (await fetch(url(`/api/articles/${slug}/comments?limit=100`))).json(),
      );
      expect(page.comments.find((c) => c.id === reply.item.id)?.byModerator).toBe(true);
      expect(page.comments.find((c) => c.id === parent)?.byModerator).toBeUndefined();
    });

    it('records actions in the audit log', async () => {
      await signIn();
      const id = await postComment({ comment: held });
      await act({ action: 'trash', ids: [id] });
      const log = auditPageSchema.parse(await (await call('GET', '/api/moderation/audit')).json());
      expect(log.entries[0]).toMatchObject({
        action: 'trash',
        commentId: id,
        fromStatus: 'pending',
        toStatus: 'trash',
      });
    });
  });

  describe('moderation: the owner’s rules', () => {
    it('has WordPress’s defaults, refuses a bad value by field, and applies moderation words', async () => {
      await signIn();
      const settings = moderationSettingsSchema.parse(
        await (await call('GET', '/api/moderation/settings')).json(),
      );
      expect(settings).toEqual(defaultModerationSettings);
      const bad = await error(
        await call('PUT', '/api/moderation/settings', { ...settings, floodSeconds: 'soon' }),
        400,
      );
      expect(Object.keys(bad.fieldErrors ?? {})).toEqual(['floodSeconds']);
      const put = await call('PUT', '/api/moderation/settings', {
        ...settings,
        moderationWords: 'lottery',
        disallowedWords: 'pills',
      });
      expect(put.status).toBe(200);
      const word = await postComment({ comment: 'I won the LOTTERY' });
      const spam = await postComment({ comment: 'cheap pills' });
      expect((await queue()).items.find((i) => i.id === word)?.reasons).toEqual([
        'moderation-word',
      ]);
      expect((await queue('?status=spam')).items.find((i) => i.id === spam)?.reasons).toEqual([
        'disallowed-word',
      ]);
    });

    it('gives authors the owner’s edit window and readers the owner’s page size', async () => {
      await signIn();
      await call('PUT', '/api/moderation/settings', {
        ...defaultModerationSettings,
        editWindowMinutes: 5,
        pageSize: 2,
      });
      const { comment, editableUntil } = await post({ email: 'window@example.com' });
      expect(Date.parse(editableUntil) - Date.parse(comment.createdAt)).toBe(5 * 60 * 1000);
      // A list asked for without a limit has the owner's page size.
      const page = commentPageSchema.parse(
        await (await fetch(url(`/api/articles/${slug}/comments`))).json(),
      );
      expect(page.comments.filter((c) => c.parentId === null)).toHaveLength(2);
      expect(page.nextCursor).not.toBeNull();
    });

    it('closes an article to new comments', async () => {
      await signIn();
      await call('PUT', '/api/moderation/settings', {
        ...defaultModerationSettings,
        closedArticles: [slug],
      });
      const response = await fetch(url(`/api/articles/${slug}/comments`), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          comment: 'Too late?',
          name: 'Ada',
          email: 'late@example.com',
          website: '',
          parentId: null,
          clientId: crypto.randomUUID(),
        }),
      });
      expect((await error(response, 403)).message).toBe(
        'Sorry, comments are closed for this item.',
      );
      const page = commentPageSchema.parse(
        await (await fetch(url(`/api/articles/${slug}/comments`))).json(),
      );
      expect(page.commentsClosed).toBe(true);
    });
  });

  describe('moderation: privacy requests', () => {
    it('exports and erases a person’s comments', async () => {
      await signIn();
      const id = await postComment({ email: 'Person@Example.com' });
      const exported = await call('POST', '/api/moderation/privacy/export', {
        email: 'person@example.com',
      });
      expect(
        ((await exported.json()) as { comments: { id: string }[] }).comments.map((c) => c.id),
      ).toEqual([id]);
      const erased = await call('POST', '/api/moderation/privacy/erase', {
        email: 'person@example.com',
      });
      expect(await erased.json()).toEqual({ erased: 1 });
      const again = await call('POST', '/api/moderation/privacy/export', {
        email: 'person@example.com',
      });
      expect(((await again.json()) as { comments: unknown[] }).comments).toEqual([]);
    });
  });
}
