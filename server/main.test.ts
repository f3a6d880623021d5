// The server process as production stops it: killed outright, and asked to stop mid-request.
// On the engine under test: a PGlite data directory, or a PostgreSQL database of its own.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import http, { type IncomingMessage } from 'node:http';
import { commentPageSchema, postCommentResponseSchema } from '../src/contract/comments';
import { sql } from 'drizzle-orm';
import { openDatabase } from './db/client';
import { addSamplesIfEmpty } from './db/samples';
import { comments } from './db/schema';
import {
  freshServerDatabase,
  killStartedServers,
  startServer,
  type ServerProcess,
} from './test/server-process';
import { testSlug } from './test/test-app';
import { testEngine } from './test/test-database';

let database: Awaited<ReturnType<typeof freshServerDatabase>>;
beforeEach(async () => {
  database = await freshServerDatabase();
});
afterEach(async () => {
  await killStartedServers();
  await database.cleanup();
});

const commentsPath = `/api/articles/${testSlug}/comments`;

let n = 0;
function newComment() {
  n += 1;
  return {
    comment: `Still here after the crash, number ${n}.`,
    name: 'Dura Bility',
    // One address each: the flood guard allows one comment per address in 15 s.
    email: `durable${n}@example.com`,
    website: '',
    parentId: null,
    clientId: crypto.randomUUID(),
  };
}

async function post(server: ServerProcess, body: ReturnType<typeof newComment>) {
  const response = await fetch(`${server.url}${commentsPath}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status, server.output()).toBe(201);
  return postCommentResponseSchema.parse(await response.json()).comment;
}

async function storedContents(server: ServerProcess) {
  const response = await fetch(`${server.url}${commentsPath}?limit=100`);
  expect(response.status).toBe(200);
  const page = commentPageSchema.parse(await response.json());
  return page.comments.map((c) => c.content);
}

test('a comment acknowledged with 201 is still there after kill -9 right after it', async () => {
  const first = await startServer({ env: database.env, args: ['--api-only'] });
  const before = await storedContents(first);
  const posted = [];
  for (let i = 0; i < 3; i += 1) posted.push(await post(first, newComment()));
  // At once after the last 201: no chance to flush, checkpoint or close anything.
  expect(await first.stop('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });

  const second = await startServer({ env: database.env, args: ['--api-only'] });
  const after = await storedContents(second);
  expect(after).toEqual(expect.arrayContaining(posted.map((c) => c.content)));
  expect(after).toHaveLength(before.length + posted.length);
  // And the database took the kill in its stride: the next post works.
  await post(second, newComment());
  expect(await second.stop()).toEqual({ code: 0, signal: null });
});

test('SIGTERM during a request: it is answered and kept, then the database closes and the exit is 0', async () => {
  const server = await startServer({ env: database.env, args: ['--api-only'] });
  const comment = newComment();
  const body = JSON.stringify(comment);
  // Keep-alive, as a browser's connection would be.
  const agent = new http.Agent({ keepAlive: true });
  const request = http.request(`${server.url}${commentsPath}`, {
    method: 'POST',
    agent,
    headers: {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(body),
      // The server's 100 Continue says it has taken the request: from then on it is in flight.
      Expect: '100-continue',
    },
  });
  const answered = new Promise<IncomingMessage>((resolve, reject) => {
    request.once('response', resolve).once('error', reject);
  });
  await once(request, 'continue');

  server.child.kill('SIGTERM');
  await server.waitForLog('stopping: finishing requests in flight');
  // It takes no new connections while it finishes this one...
  await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  // ...and this one, its body sent only now, still gets its answer.
  request.end(body);
  const response = await answered;
  let text = '';
  for await (const chunk of response) text += String(chunk);
  expect(response.statusCode, text).toBe(201);
  // Closing the connection, or a keep-alive client would hold the server open after it.
  expect(response.headers.connection).toBe('close');
  expect(postCommentResponseSchema.parse(JSON.parse(text)).comment.content).toBe(comment.comment);

  const exit = await Promise.race([
    server.exited,
    new Promise((resolve) => setTimeout(resolve, 10_000, 'still running after 10 s')),
  ]);
  agent.destroy();
  expect(exit, server.output()).toEqual({ code: 0, signal: null });
  expect(server.logs.map((l) => l.msg)).toContain('stopped');

  // Stored, and the database closed cleanly: it opens again (here, quicker than a server).
  const reopened = await openDatabase({
    url: database.env.DATABASE_URL,
    dataDir: database.env.DATA_DIR,
  });
  const stored = await reopened.db
    .select({ content: comments.content })
    .from(comments)
    .finally(() => reopened.close());
  expect(stored.map((c) => c.content)).toContain(comment.comment);
});

test('SIGTERM with a request that never finishes: its connection is cut after the grace period, and the exit is 0', async () => {
  const server = await startServer({
    env: { ...database.env, SHUTDOWN_GRACE_MS: '300' },
    args: ['--api-only'],
  });
  // A client that announces a body and never sends it: the request stays in flight for good.
  const request = http.request(`${server.url}${commentsPath}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Content-Length': 100, Expect: '100-continue' },
  });
  const cut = new Promise<string>((resolve) => {
    request.once('response', () => resolve('answered')).once('error', (e) => resolve(e.message));
  });
  await once(request, 'continue');

  server.child.kill('SIGTERM');
  expect(await cut).toMatch(/socket hang up|ECONNRESET/);
  const exit = await Promise.race([
    server.exited,
    new Promise((resolve) => setTimeout(resolve, 10_000, 'still running after 10 s')),
  ]);
  expect(exit, server.output()).toEqual({ code: 0, signal: null });
  const messages = server.logs.map((l) => l.msg);
  expect(messages).toContain('stopping: grace period over, closing the connections still open');
  expect(messages).toContain('stopped');
});

// PGlite has no lock of its own: two processes on one data directory leave it unopenable.
test.skipIf(testEngine === 'postgres')(
  'a server is refused a data directory another process has open, and leaves it alone',
  async () => {
    // The other process is this one (a db:export, say): quicker to start than a server.
    const holder = await openDatabase({ dataDir: database.env.DATA_DIR });
    onTestFinished(() => holder.close());
    await holder.migrate();
    await addSamplesIfEmpty(holder.db);
    const second = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--api-only'], {
      env: { ...process.env, ...database.env, PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    onTestFinished(() => {
      second.kill('SIGKILL');
    });
    let output = '';
    second.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const [code] = (await once(second, 'exit')) as [number | null];
    expect(code, output).toBe(1);
    expect(output).toContain(`is in use by process ${process.pid}`);
    // It added no samples of its own, nor anything else.
    const [row] = await holder.db.select({ n: sql<number>`count(*)::int` }).from(comments);
    expect(row?.n).toBe(5);
  },
);
