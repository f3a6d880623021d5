import { eq } from 'drizzle-orm';
import { comments } from './db/schema';
import { hashToken } from './lib/tokens';
import { openTestDatabase, type TestDatabase } from './test/test-database';
import { addTestArticle, jsonRequest, testApp, testSlug } from './test/test-app';

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());
beforeEach(async () => {
  await database.reset();
  await addTestArticle(database.db);
});

const commentsPath = `/api/articles/${testSlug}/comments`;
const comment = (overrides: Record<string, unknown> = {}) => ({
  comment: 'Plain words.',
  name: 'Ada Reader',
  email: 'ada.private@example.com',
  website: '',
  parentId: null,
  clientId: crypto.randomUUID(),
  ...overrides,
});

describe('errors under /api', () => {
  it('answers a method a path does not take with 405, the Allow header and the error shape', async () => {
    const { app } = testApp(database.db);
    const response = await app.request(commentsPath, { method: 'PUT' });
    expect(response.status).toBe(405);
    expect(response.headers.get('Allow')).toBe('GET, HEAD, POST');
    expect(await response.json()).toEqual({
      status: 405,
      message: 'PUT is not supported here: use GET, HEAD, POST.',
    });
  });

  it('answers an unknown API address with a JSON 404, never a page', async () => {
    const { app } = testApp(database.db);
    const response = await app.request('/api/nothing/here');
    expect(response.status).toBe(404);
    expect(response.headers.get('Content-Type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({
      status: 404,
      message: 'There is no API endpoint at this address.',
    });
  });

  it('answers a failure inside with a JSON 500 that carries no stack or database detail', async () => {
    // An app whose database is gone: every query fails, as when the connection is lost.
    const lost = await openTestDatabase();
    const { app, logs } = testApp(lost.db);
    await lost.close();
    const response = await app.request(commentsPath);
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      status: 500,
      message: 'Something went wrong on our side. Please try again in a moment.',
    });
    expect(text).not.toMatch(/ at |\.ts|pglite|pool|closed/i);
    // The cause is in the log, for whoever runs the server.
    expect(logs.join('\n')).toMatch(/unhandled error/);
  });

  it('survives deeply nested JSON, a body of garbage bytes, and a body over 100 KB', async () => {
    const { app } = testApp(database.db);
    const deep = '['.repeat(50_000) + ']'.repeat(50_000);
    const nested = await app.request(commentsPath, jsonRequest('POST', deep));
    expect(nested.status).toBe(400);
    const garbage = await app.request(commentsPath, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: new Uint8Array([0xff, 0xfe, 0x00, 0x7b, 0x80]),
    });
    expect(garbage.status).toBe(400);
    expect((await garbage.json()) as unknown).toMatchObject({ status: 400 });
    const huge = await app.request(
      commentsPath,
      jsonRequest('POST', JSON.stringify(comment({ comment: 'y'.repeat(200_000) }))),
    );
    expect(huge.status).toBe(413);
  });
});

describe('privacy', () => {
  it('keeps tokens hashed: the database holds no edit token, commenter token or client id', async () => {
    const { app } = testApp(database.db);
    const sent = comment();
    const token = 'the-readers-own-browser-token';
    const response = await app.request(
      commentsPath,
      jsonRequest('POST', sent, { 'X-Commenter-Token': token }),
    );
    expect(response.status).toBe(201);
    const { editToken, comment: stored } = (await response.json()) as {
      editToken: string;
      comment: { id: string };
    };
    const [row] = await database.db
      .select()
      .from(comments)
      .where(eq(comments.id, Number(stored.id)));
    const text = JSON.stringify(row);
    expect(text).not.toContain(editToken);
    expect(text).not.toContain(token);
    expect(text).not.toContain(sent.clientId);
    expect(row?.authorTokenHash).toBe(hashToken(token));
    expect(row?.editTokenHash).toBe(hashToken(editToken));
  });

  it('logs each request with its route, status and time, and never an email, a token or a cookie', async () => {
    const { app, logs } = testApp(database.db);
    const sent = comment({ email: 'secret.person@example.com' });
    const response = await app.request(
      `${commentsPath}?order=newest`,
      jsonRequest('POST', sent, {
        'X-Commenter-Token': 'browser-token-abcdefghijkl',
        Cookie: 'session=cookie-value-123',
      }),
    );
    const { editToken } = (await response.json()) as { editToken: string };
    await app.request(
      `/api/articles/${testSlug}/comments/1`,
      jsonRequest('PATCH', { comment: 'x', editToken }),
    );
    const lines = logs.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({
      method: 'POST',
      route: '/api/articles/:slug/comments',
      status: 201,
    });
    expect(typeof lines[0]?.ms).toBe('number');
    expect(typeof lines[0]?.reqId).toBe('string');
    const all = logs.join('\n');
    for (const secret of [
      'secret.person',
      'browser-token',
      'cookie-value',
      editToken,
      sent.clientId,
    ]) {
      expect(all).not.toContain(secret);
    }
  });

  it('sees the client address behind a trusted proxy only, and never a forged one', async () => {
    const post = async (trustProxyHops: number) => {
      const { app } = testApp(database.db, { trustProxyHops, floodGuard: false });
      await app.request(
        commentsPath,
        jsonRequest('POST', comment({ comment: `Through ${trustProxyHops} proxies.` }), {
          'X-Forwarded-For': '203.0.113.9, 198.51.100.7',
        }),
      );
    };
    await post(1);
    await post(0);
    const rows = await database.db.select({ ip: comments.ip }).from(comments).orderBy(comments.id);
    // One proxy: the address it appended (the last). None trusted: the header is ignored.
    expect(rows.map((r) => r.ip)).toEqual(['198.51.100.7', null]);
  });
});

describe('headers', () => {
  it('sends the security headers on every response, and HSTS only for an https site', async () => {
    const plain = testApp(database.db, { publicUrl: 'http://localhost:3000' }).app;
    const response = await plain.request('/api/articles');
    expect(response.headers.get('Content-Security-Policy')).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
    expect(response.headers.get('Permissions-Policy')).toMatch(/camera=\(\)/);
    expect(response.headers.get('Strict-Transport-Security')).toBeNull();
    const secure = testApp(database.db, { publicUrl: 'https://news.example' }).app;
    expect(
      (await secure.request('/api/articles')).headers.get('Strict-Transport-Security'),
    ).toMatch(/max-age=31536000/);
  });

  it('is same-origin only unless an origin is on the CORS allow-list', async () => {
    const preflight = (origin: string) => ({
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type, x-commenter-token',
      },
    });
    const closed = testApp(database.db).app;
    expect(
      (await closed.request(commentsPath, preflight('https://app.example'))).headers.get(
        'Access-Control-Allow-Origin',
      ),
    ).toBeNull();
    const open = testApp(database.db, { corsOrigins: ['https://app.example'] }).app;
    const allowed = await open.request(commentsPath, preflight('https://app.example'));
    expect(allowed.headers.get('Access-Control-Allow-Origin')).toBe('https://app.example');
    expect(allowed.headers.get('Access-Control-Allow-Headers')?.toLowerCase()).toContain(
      'x-commenter-token',
    );
    const other = await open.request(commentsPath, preflight('https://evil.example'));
    expect(other.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });
});

describe('health', () => {
  it('is alive, and ready while the database answers', async () => {
    const up = testApp(database.db, { ready: async () => true }).app;
    expect((await up.request('/healthz')).status).toBe(200);
    expect((await up.request('/readyz')).status).toBe(200);
    const down = testApp(database.db, {
      ready: () => Promise.reject(new Error('no database')),
    }).app;
    const response = await down.request('/readyz');
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      status: 503,
      message: 'The database cannot be reached.',
    });
  });
});
