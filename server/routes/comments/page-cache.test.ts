import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { eq, sql } from 'drizzle-orm';
import { commentPageSchema, postCommentResponseSchema } from '../../../src/contract/comments';
import { articles, comments } from '../../db/schema';
import { addTestArticle, jsonRequest, testApp, testSlug } from '../../test/test-app';
import { openTestDatabase, type TestDatabase } from '../../test/test-database';
import { createPageCache } from './page-cache';

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (body: Uint8Array | null | undefined) => body && new TextDecoder().decode(body);

describe('the page cache', () => {
  it('answers only for the version a page was made from', () => {
    const cache = createPageCache();
    cache.set('a', '1', bytes('{"page":1}'));
    expect(text(cache.get('a', '1'))).toBe('{"page":1}');
    expect(cache.get('a', '2')).toBeUndefined();
    // A stale page is dropped, not kept beside the new one.
    expect(cache.get('a', '1')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('forgets a page after maxAgeMs', () => {
    let now = 0;
    const cache = createPageCache({ maxAgeMs: 1000, now: () => now });
    cache.set('a', '1', bytes('x'));
    now = 1000;
    expect(text(cache.get('a', '1'))).toBe('x');
    now = 1001;
    expect(cache.get('a', '1')).toBeUndefined();
  });

  it('makes a page once for readers who ask while it is being made, and keeps it', async () => {
    const cache = createPageCache();
    let made = 0;
    let finish: (body: Uint8Array<ArrayBuffer>) => void = () => undefined;
    const make = () => {
      made += 1;
      return new Promise<Uint8Array<ArrayBuffer>>((resolve) => (finish = resolve));
    };
    const asked = [cache.getOrMake('a', '1', make), cache.getOrMake('a', '1', make)];
    finish(bytes('page'));
    expect((await Promise.all(asked)).map(text)).toEqual(['page', 'page']);
    expect(text(await cache.getOrMake('a', '1', make))).toBe('page');
    expect(made).toBe(1);
    // Another version is another page; nothing to show is passed on and not kept.
    const none = () => {
      made += 1;
      return Promise.resolve(null);
    };
    expect(await cache.getOrMake('a', '2', none)).toBeNull();
    expect(await cache.getOrMake('a', '2', none)).toBeNull();
    expect(made).toBe(3);
  });

  it('keeps within maxBytes, dropping the least recently used page first', () => {
    const cache = createPageCache({ maxBytes: 10 });
    cache.set('a', '1', bytes('aaaa'));
    cache.set('b', '1', bytes('bbbb'));
    cache.get('a', '1');
    cache.set('c', '1', bytes('cccc'));
    expect(cache.get('b', '1')).toBeUndefined();
    expect(text(cache.get('a', '1'))).toBe('aaaa');
    expect(text(cache.get('c', '1'))).toBe('cccc');
    expect(cache.size).toBe(8);
    cache.set('d', '1', bytes('d'.repeat(11)));
    expect(cache.get('d', '1')).toBeUndefined();
    expect(cache.size).toBe(8);
  });
});

describe('cached pages of comments', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });
  beforeEach(async () => {
    await database.reset();
    await addTestArticle(database.db);
  });

  const list = `/api/articles/${testSlug}/comments`;
  const tokenA = 'reader-a-token-0123456789';
  const tokenB = 'reader-b-token-0123456789';
  let n = 0;
  const fields = (comment: string) => {
    n += 1;
    return {
      comment,
      name: 'Ada Reader',
      email: `ada${n}@example.com`,
      website: '',
      parentId: null,
      clientId: crypto.randomUUID(),
    };
  };

  function client(app: ReturnType<typeof testApp>['app']) {
    return {
      async page(token?: string) {
        const response = await app.request(list, {
          headers: token ? { 'X-Commenter-Token': token } : {},
        });
        expect(response.status).toBe(200);
        expect(response.headers.get('Content-Type')).toMatch(/^application\/json/);
        return commentPageSchema.parse(await response.json());
      },
      async post(comment: string, token = tokenA) {
        const response = await app.request(
          list,
          jsonRequest('POST', fields(comment), { 'X-Commenter-Token': token }),
        );
        expect(response.status).toBe(201);
        return postCommentResponseSchema.parse(await response.json());
      },
      send(method: string, id: string, body: unknown) {
        return app.request(`${list}/${id}`, jsonRequest(method, body));
      },
    };
  }
  const contents = (page: { comments: { content: string }[] }) =>
    page.comments.map((c) => c.content);

  it('serves the page it made until a comment changes, then the new one at once', async () => {
    const api = client(testApp(database.db, { floodGuard: false }).app);
    const first = await api.post('First.');
    expect(contents(await api.page(tokenB))).toEqual(['First.']);

    // Written around the server (no version set): the cached page is still the one served.
    const [article] = await database.db.select({ id: articles.id }).from(articles);
    if (!article) throw new Error('no article');
    await database.db.insert(comments).values({
      articleId: article.id,
      depth: 1,
      author: 'Around',
      email: 'around@example.com',
      content: 'Around the server.',
      status: 'approved',
      createdAt: new Date(),
    });
    expect(contents(await api.page(tokenB))).toEqual(['First.']);

    await api.post('Second.');
    expect(contents(await api.page(tokenB))).toEqual(['First.', 'Around the server.', 'Second.']);
    expect(contents(await api.page())).toEqual(['First.', 'Around the server.', 'Second.']);

    const edited = await api.send('PATCH', first.comment.id, {
      comment: 'First, edited.',
      editToken: first.editToken,
    });
    expect(edited.status).toBe(200);
    expect(contents(await api.page())).toEqual(['First, edited.', 'Around the server.', 'Second.']);

    const removed = await api.send('DELETE', first.comment.id, { editToken: first.editToken });
    expect(removed.status).toBe(204);
    expect(contents(await api.page())).toEqual(['Around the server.', 'Second.']);
  });

  it('sends the page compressed to a reader who accepts it, the same page under each encoding', async () => {
    const { app } = testApp(database.db);
    const api = client(app);
    await api.post('Compressed, or not.');
    const plain = await (await app.request(list)).text();
    for (const [accept, encoding, decode] of [
      ['gzip, deflate, br, zstd', 'br', brotliDecompressSync],
      ['gzip', 'gzip', gunzipSync],
    ] as const) {
      for (const time of ['made', 'kept']) {
        const response = await app.request(list, { headers: { 'Accept-Encoding': accept } });
        expect(response.headers.get('Content-Encoding'), time).toBe(encoding);
        expect(response.headers.get('Vary')).toBe('Accept-Encoding');
        const body = Buffer.from(await response.arrayBuffer());
        expect(decode(body).toString('utf8'), time).toBe(plain);
      }
    }
    expect(JSON.parse(plain).comments[0].content).toBe('Compressed, or not.');
  });

  it('gives the author of a held comment their own page, and never keeps it for others', async () => {
    const api = client(testApp(database.db).app);
    expect((await api.page()).comments).toEqual([]);
    const held = await api.post('See https://a.example and www.b.example.', tokenA);
    expect(held.comment.status).toBe('pending');
    expect(contents(await api.page(tokenA))).toEqual(['See https://a.example and www.b.example.']);
    expect(contents(await api.page(tokenA))).toEqual(['See https://a.example and www.b.example.']);
    expect((await api.page(tokenB)).comments).toEqual([]);
    expect((await api.page()).comments).toEqual([]);
  });

  it('sees at once a change made through another server process on the same database', async () => {
    const one = client(testApp(database.db, { floodGuard: false }).app);
    const two = client(testApp(database.db, { floodGuard: false }).app);
    expect((await two.page()).comments).toEqual([]);
    await one.post('Through one.');
    expect(contents(await two.page())).toEqual(['Through one.']);

    // A moderator's change made by hand that also fixes the count is seen as well.
    await database.db
      .update(comments)
      .set({ status: 'spam' })
      .where(eq(comments.content, 'Through one.'));
    await database.db
      .update(articles)
      .set({ approvedComments: sql`${articles.approvedComments} - 1` });
    expect((await two.page()).comments).toEqual([]);
  });
});
