/**
 * The API contract as cases that run against both implementations: the MSW mock
 * (mock.contract.test.ts) and the real server over HTTP (server.contract.test.ts). Every status,
 * error body and field error must be the same on both.
 */
import { commentPageSchema, postCommentResponseSchema } from '../../src/contract/comments';
import { apiErrorBodySchema } from '../../src/contract/errors';

export interface ContractTarget {
  /** Where the API answers, like http://127.0.0.1:PORT. */
  baseUrl(): string;
  /** Back to the samples: the three sample articles and their comments. */
  reset(): Promise<void>;
}

const slug = 'putin-meets-china-defense-minister-in-moscow';
const other = 'rooftop-gardens-sample';
const start = new Date('2026-12-01T10:00:00Z');

let n = 0;
function fields(overrides: Record<string, unknown> = {}) {
  n += 1;
  return {
    comment: `A thought worth sharing, number ${n}.`,
    name: 'Ada Reader',
    email: `ada${n}@example.com`,
    website: '',
    parentId: null,
    clientId: crypto.randomUUID(),
    ...overrides,
  };
}

export function defineCommentContract(target: ContractTarget) {
  const url = (path: string) => `${target.baseUrl()}${path}`;
  const get = (path: string, token?: string) =>
    fetch(url(path), { headers: token ? { 'X-Commenter-Token': token } : {} });
  const send = (method: string, path: string, body: unknown, token?: string) =>
    fetch(url(path), {
      method,
      headers: {
        'Content-Type': 'application/json',
        ...(token ? { 'X-Commenter-Token': token } : {}),
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const post = (body: unknown, token?: string, article = slug) =>
    send('POST', `/api/articles/${article}/comments`, body, token);

  async function page(query = '', token?: string, article = slug) {
    const response = await get(`/api/articles/${article}/comments${query}`, token);
    expect(response.status).toBe(200);
    return commentPageSchema.parse(await response.json());
  }
  async function created(body: unknown, token?: string) {
    const response = await post(body, token);
    expect(response.status).toBe(201);
    return postCommentResponseSchema.parse(await response.json());
  }
  async function error(response: Response, status: number) {
    expect(response.status).toBe(status);
    expect(response.headers.get('Content-Type')).toMatch(/^application\/json/);
    const body = apiErrorBodySchema.parse(await response.json());
    expect(body.status).toBe(status);
    return body;
  }
  const later = (seconds: number) => vi.setSystemTime(new Date(Date.now() + seconds * 1000));
  const tokenA = 'reader-a-token-0123456789';
  const tokenB = 'reader-b-token-0123456789';

  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: start });
    await target.reset();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  describe('reading', () => {
    it('answers 404 in the error shape for an unknown article', async () => {
      const body = await error(await get('/api/articles/no-such-story/comments'), 404);
      expect(body.message).toBe('No article has that address.');
    });

    it('gives threads oldest first with their replies, and newest first when asked', async () => {
      const oldest = await page();
      const threads = oldest.comments.filter((c) => c.parentId === null);
      expect(threads.length).toBeGreaterThan(1);
      const times = threads.map((c) => Date.parse(c.createdAt));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      const newest = await page('?order=newest');
      expect(newest.comments.filter((c) => c.parentId === null).map((c) => c.id)).toEqual(
        threads.map((c) => c.id).reverse(),
      );
      // Every reply sits under a comment on the same page.
      const ids = new Set(oldest.comments.map((c) => c.id));
      for (const c of oldest.comments) if (c.parentId) expect(ids.has(c.parentId)).toBe(true);
      expect(oldest.total).toBe(oldest.comments.filter((c) => c.status === 'approved').length);
    });

    it('pages by cursor until the last page, which has none', async () => {
      const all = (await page()).comments.filter((c) => c.parentId === null).map((c) => c.id);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const next: Awaited<ReturnType<typeof page>> = await page(
          `?limit=1${cursor ? `&cursor=${cursor}` : ''}`,
        );
        seen.push(...next.comments.filter((c) => c.parentId === null).map((c) => c.id));
        cursor = next.nextCursor;
      } while (cursor);
      expect(seen).toEqual(all);
    });

    it.each([
      ['?limit=0', 'limit'],
      ['?limit=101', 'limit'],
      ['?limit=ten', 'limit'],
      ['?limit=1e309', 'limit'],
      ['?order=sideways', 'order'],
    ])('refuses %s with a message for the %s field', async (query, field) => {
      const body = await error(await get(`/api/articles/${slug}/comments${query}`), 400);
      expect(body.message).toBe('The comment list was asked for with bad parameters.');
      expect(Object.keys(body.fieldErrors ?? {})).toEqual([field]);
    });

    it.each(['999999', 'not-an-id', '1'])(
      'refuses an unknown or stale cursor (%s) instead of starting again at page 1',
      async (cursor) => {
        // Comment 1 exists but has replies' ids around it; "1" is a thread only on the seed
        // article, so asking for it on another article is stale there.
        const body = await error(
          await get(`/api/articles/${other}/comments?cursor=${cursor}`),
          400,
        );
        expect(body.fieldErrors?.cursor).toMatch(/Unknown cursor/);
        expect(body.message).toMatch(/no longer available/);
      },
    );
  });

  describe('posting', () => {
    it('stores a comment that every reader then sees, and never returns the email', async () => {
      const before = await page();
      const sent = fields({
        email: 'Private.Person@example.com',
        website: 'https://example.org/me',
      });
      const response = await post(sent, tokenA);
      expect(response.status).toBe(201);
      const text = await response.text();
      expect(text.toLowerCase()).not.toContain('private.person');
      const { comment, editToken, editableUntil } = postCommentResponseSchema.parse(
        JSON.parse(text),
      );
      expect(comment).toMatchObject({
        parentId: null,
        author: 'Ada Reader',
        website: 'https://example.org/me',
        content: sent.comment,
        status: 'approved',
        editedAt: null,
      });
      expect(Date.parse(comment.createdAt)).toBe(start.getTime());
      expect(editToken.length).toBeGreaterThanOrEqual(16);
      // The default edit window, 15 minutes from the posting.
      expect(Date.parse(editableUntil) - start.getTime()).toBe(15 * 60 * 1000);
      const after = await get(`/api/articles/${slug}/comments`);
      const afterText = await after.text();
      expect(afterText.toLowerCase()).not.toContain('@example.com');
      const list = commentPageSchema.parse(JSON.parse(afterText));
      expect(list.total).toBe(before.total + 1);
      expect(list.comments.map((c) => c.id)).toContain(comment.id);
    });

    it('trims the fields and refuses missing ones, naming each and how to fix it', async () => {
      const body = await error(
        await post({
          comment: '   ',
          name: ' ',
          email: '',
          website: 'javascript:alert(1)',
          parentId: null,
          clientId: crypto.randomUUID(),
        }),
        400,
      );
      expect(body.message).toBe('Some fields need attention.');
      expect(body.fieldErrors).toEqual({
        comment: 'Please type your comment text.',
        name: 'Please enter your name.',
        email: 'Please enter your email address. It will not be published.',
        website:
          'Enter a full web address starting with http:// or https://, like https://example.com, or leave it empty.',
      });
    });

    it('counts the limits in bytes, as WordPress does', async () => {
      const body = await error(await post(fields({ name: 'é'.repeat(123) })), 400);
      expect(body.fieldErrors?.name).toMatch(/at most 245 bytes/);
      await created(fields({ name: 'é'.repeat(122) }));
    });

    it('accepts an email address with letters beyond ASCII', async () => {
      await created(fields({ email: 'info@grå.org' }));
      await created(fields({ email: 'jörg@例子.广告' }));
      const body = await error(await post(fields({ email: 'not-an-address' })), 400);
      expect(body.fieldErrors?.email).toBe(
        'Please enter a valid email address, like name@example.com.',
      );
    });

    it.each([
      ['an array', '[]'],
      ['a string', '"comment"'],
      ['null', 'null'],
      [
        'wrong types',
        JSON.stringify({ comment: 5, name: [], email: {}, parentId: 7, clientId: 1 }),
      ],
      ['a huge number', '{"comment": 1e999999, "clientId": 123456789012345678901234567890}'],
    ])('answers %s with a 400 in the error shape', async (_what, raw) => {
      const body = await error(await post(raw), 400);
      expect(body.message).toMatch(/fields need attention|must be a JSON object/);
    });

    it('answers a body that is not JSON with 400, and one sent as another type with 415', async () => {
      const broken = await error(await post('{"comment": "cut off'), 400);
      expect(broken.message).toBe('The request body is not valid JSON.');
      const form = await fetch(url(`/api/articles/${slug}/comments`), {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain' },
        body: JSON.stringify(fields()),
      });
      const body = await error(form, 415);
      expect(body.message).toMatch(/Content-Type: application\/json/);
    });

    it('refuses a body over 100 KB with 413', async () => {
      const body = await error(await post(fields({ comment: 'x'.repeat(101 * 1024) })), 413);
      expect(body.message).toMatch(/at most 100 KB/);
    });

    it('recognises a resend of the same submission and stores it once', async () => {
      const sent = fields();
      const first = await created(sent);
      const again = await post(sent);
      expect(again.status).toBe(200);
      const resent = postCommentResponseSchema.parse(await again.json());
      expect(resent.comment.id).toBe(first.comment.id);
      expect(resent.editToken).toBe(first.editToken);
      const list = await page();
      expect(list.comments.filter((c) => c.content === sent.comment)).toHaveLength(1);
    });

    it('stores one comment when two sends of one submission arrive at once', async () => {
      const sent = fields();
      const answers = await Promise.all([post(sent), post(sent), post(sent)]);
      expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 201]);
      const bodies = await Promise.all(
        answers.map(async (r) => postCommentResponseSchema.parse(await r.json())),
      );
      expect(new Set(bodies.map((b) => b.comment.id)).size).toBe(1);
      expect(new Set(bodies.map((b) => b.editToken)).size).toBe(1);
      const list = await page();
      expect(list.comments.filter((c) => c.content === sent.comment)).toHaveLength(1);
    });

    it('refuses a duplicate with 409, in WordPress’s words', async () => {
      const sent = fields();
      await created(sent);
      later(60);
      const body = await error(await post({ ...sent, clientId: crypto.randomUUID() }), 409);
      expect(body.message).toBe(
        'Duplicate comment detected; it looks as though you’ve already said that!',
      );
    });

    it('slows down a second comment from one address within 15 s (429 with Retry-After)', async () => {
      const sent = fields({ email: 'Fast@Example.com' });
      await created(sent);
      later(5);
      const response = await post(fields({ email: 'fast@example.com' }));
      const body = await error(response, 429);
      expect(body.message).toBe('You are posting comments too quickly. Slow down.');
      expect(body.retryAfterSeconds).toBe(10);
      expect(response.headers.get('Retry-After')).toBe('10');
      later(10);
      await created(fields({ email: 'fast@example.com' }));
    });

    it('holds a comment with two links, shown only to the browser that wrote it', async () => {
      const before = await page();
      const { comment } = await created(
        fields({ comment: 'See https://a.example and www.b.example for more.' }),
        tokenA,
      );
      expect(comment.status).toBe('pending');
      expect((await page('', tokenA)).comments.map((c) => c.id)).toContain(comment.id);
      expect((await page('', tokenB)).comments.map((c) => c.id)).not.toContain(comment.id);
      const anonymous = await page();
      expect(anonymous.comments.map((c) => c.id)).not.toContain(comment.id);
      expect(anonymous.total).toBe(before.total);
    });

    it('refuses a reply to a held comment, even from its author', async () => {
      const { comment: held } = await created(
        fields({ comment: 'Links: https://a.example https://b.example' }),
        tokenA,
      );
      later(20);
      const body = await error(await post(fields({ parentId: held.id }), tokenA), 400);
      expect(body.fieldErrors?.parentId).toMatch(/awaiting moderation/);
      const stranger = await error(await post(fields({ parentId: held.id }), tokenB), 400);
      expect(stranger.fieldErrors?.parentId).toBe(
        'The comment you are replying to no longer exists.',
      );
    });

    it('refuses a reply to a comment that does not exist', async () => {
      const body = await error(await post(fields({ parentId: '987654' })), 400);
      expect(body.message).toBe('The comment you are replying to no longer exists.');
    });

    it('nests replies five deep; a reply to the fifth level joins it', async () => {
      let parentId: string | null = null;
      const ids: string[] = [];
      for (let level = 1; level <= 6; level += 1) {
        const { comment } = await created(fields({ parentId }));
        ids.push(comment.id);
        parentId = comment.id;
        later(16);
      }
      const list = await page('?limit=100');
      const sixth = list.comments.find((c) => c.id === ids[5]);
      expect(sixth?.parentId).toBe(ids[3]);
      expect(list.comments.find((c) => c.id === ids[4])?.parentId).toBe(ids[3]);
    });

    it('answers a filled honeypot as if all went well, and keeps nothing', async () => {
      const before = await page();
      const response = await post(fields({ homepage: 'http://spam.example' }));
      expect(response.status).toBe(201);
      const after = await page('?limit=100');
      expect(after.total).toBe(before.total);
      expect(after.comments).toHaveLength((await page('?limit=100')).comments.length);
      expect(after.comments.some((c) => c.author === 'Ada Reader')).toBe(false);
    });
  });

  describe('editing and deleting your own', () => {
    const path = (id: string) => `/api/articles/${slug}/comments/${id}`;

    it('edits within 15 minutes, marks it edited, and refuses after', async () => {
      const { comment, editToken } = await created(fields());
      later(60);
      const edited = await send('PATCH', path(comment.id), {
        comment: 'Changed my mind.',
        editToken,
      });
      expect(edited.status).toBe(200);
      const body = (await edited.json()) as { comment: { content: string; editedAt: string } };
      expect(body.comment.content).toBe('Changed my mind.');
      expect(Date.parse(body.comment.editedAt)).toBe(Date.now());
      later(15 * 60);
      const late = await error(
        await send('PATCH', path(comment.id), { comment: 'Too late.', editToken }),
        403,
      );
      expect(late.message).toMatch(/15-minute editing window has closed/);
    });

    it('refuses an edit with another token, and holds an edit that adds links', async () => {
      const { comment, editToken } = await created(fields());
      const wrong = await error(
        await send('PATCH', path(comment.id), {
          comment: 'Not mine.',
          editToken: 'x'.repeat(32),
        }),
        403,
      );
      expect(wrong.message).toBe('You can only change your own comments.');
      const held = await send('PATCH', path(comment.id), {
        comment: 'Now with https://a.example and https://b.example',
        editToken,
      });
      expect(((await held.json()) as { comment: { status: string } }).comment.status).toBe(
        'pending',
      );
      expect((await page()).comments.map((c) => c.id)).not.toContain(comment.id);
    });

    it('erases a deleted comment; a placeholder stays while replies remain, then goes', async () => {
      const parent = await created(fields({ comment: 'Parent words.' }));
      later(16);
      const reply = await created(fields({ parentId: parent.comment.id }));
      const gone = await send('DELETE', path(parent.comment.id), { editToken: parent.editToken });
      expect(gone.status).toBe(204);
      const list = await page('?limit=100');
      const placeholder = list.comments.find((c) => c.id === parent.comment.id);
      expect(placeholder).toMatchObject({
        status: 'deleted',
        author: '',
        content: '',
        website: null,
      });
      expect(JSON.stringify(list)).not.toContain('Parent words.');
      // Its words are gone from storage too: saying them again is no duplicate.
      later(16);
      await created(fields({ comment: 'Parent words.', name: 'Ada Reader' }));
      await send('DELETE', path(reply.comment.id), { editToken: reply.editToken });
      const after = await page('?limit=100');
      expect(after.comments.map((c) => c.id)).not.toContain(parent.comment.id);
      expect(after.comments.map((c) => c.id)).not.toContain(reply.comment.id);
    });

    it('answers 404 for a comment that is not there', async () => {
      const body = await error(
        await send('DELETE', path('987654'), { editToken: 'x'.repeat(32) }),
        404,
      );
      expect(body.message).toBe('That comment no longer exists.');
    });
  });
}
