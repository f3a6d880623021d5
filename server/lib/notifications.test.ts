import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { addTestModerator } from '../test/moderation-client';
import { addTestArticle, jsonRequest, memoryLogger, testApp, testSlug } from '../test/test-app';
import { openTestDatabase, type TestDatabase } from '../test/test-database';
import { createNotifier, signWebhook, webhookSignatureHeader } from './notifications';

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());
beforeEach(async () => {
  await database.reset();
  await addTestArticle(database.db);
  await addTestModerator(database.db);
});

const commentsPath = `/api/articles/${testSlug}/comments`;
const secret = 'a-webhook-secret-of-some-length';
const comment = (text: string) => ({
  comment: text,
  name: 'Private Person',
  email: 'private.person@example.com',
  website: '',
  parentId: null,
  clientId: crypto.randomUUID(),
});
const held = comment('Look: https://a.example and https://b.example');

/** An SMTP server in this process: resolves each message it receives, as raw text. */
async function mailbox() {
  const received: { to: string[]; text: string }[] = [];
  let arrived: () => void = () => undefined;
  const next = () => new Promise<void>((resolve) => (arrived = resolve));
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, done) {
      let text = '';
      stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), text });
        done();
        arrived();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    next,
    close: () => new Promise<void>((r) => smtp.close(() => r())),
  };
}

/** A webhook receiver that fails its first `failures` requests with 503. */
async function receiver(failures: number) {
  const requests: { headers: IncomingMessage['headers']; body: string }[] = [];
  let ok: () => void = () => undefined;
  const succeeded = new Promise<void>((resolve) => (ok = resolve));
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      requests.push({ headers: request.headers, body });
      const fail = requests.length <= failures;
      response.writeHead(fail ? 503 : 204).end();
      if (!fail) ok();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    requests,
    succeeded,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe('notifications of held comments', () => {
  it('emails the moderators over SMTP, with a link and the reason but nothing about the author', async () => {
    const box = await mailbox();
    onTestFinished(box.close);
    const { logger } = memoryLogger();
    const notifier = createNotifier({
      db: database.db,
      logger,
      publicUrl: 'https://news.example',
      smtpUrl: box.url,
    });
    const { app } = testApp(database.db, { onHeld: (c) => notifier.held(c) });
    const arrived = box.next();
    expect(
      (
        await app.request(
          commentsPath,
          jsonRequest('POST', { ...comment('No links here.'), email: 'someone.else@example.com' }),
        )
      ).status,
    ).toBe(201);
    expect((await app.request(commentsPath, jsonRequest('POST', held))).status).toBe(201);
    await arrived;
    await notifier.settled();
    expect(box.received).toHaveLength(1);
    const [mail] = box.received;
    expect(mail?.to).toEqual(['mo@example.test']);
    expect(mail?.text).toMatch(/Subject: A comment is waiting for moderation on\s+putin-meets/);
    expect(mail?.text).toContain('https://news.example/moderate');
    expect(mail?.text).toContain('it has several links');
    expect(mail?.text).not.toMatch(/Private Person|private\.person|a\.example/);
  });

  it('posts a signed webhook, retrying after failures, without holding up the post', async () => {
    const hook = await receiver(2);
    onTestFinished(hook.close);
    const { logger } = memoryLogger();
    const notifier = createNotifier({
      db: database.db,
      logger,
      publicUrl: 'https://news.example',
      webhookUrl: hook.url,
      webhookSecret: secret,
      retryDelaysMs: [5, 5, 5],
    });
    const { app } = testApp(database.db, { onHeld: (c) => notifier.held(c) });
    const response = await app.request(commentsPath, jsonRequest('POST', held));
    expect(response.status).toBe(201);
    // Answered before the receiver has even been reached successfully.
    expect(hook.requests.filter((r) => r.body).length).toBeLessThan(3);
    await hook.succeeded;
    await notifier.settled();
    expect(hook.requests).toHaveLength(3);
    const last = hook.requests[2];
    expect(last?.headers[webhookSignatureHeader.toLowerCase()]).toBe(
      signWebhook(last?.body ?? '', secret),
    );
    expect(JSON.parse(last?.body ?? '')).toEqual({
      event: 'comment.held',
      commentId: ((await response.json()) as { comment: { id: string } }).comment.id,
      article: testSlug,
      reasons: ['links'],
      createdAt: expect.any(String),
      moderateUrl: 'https://news.example/moderate',
    });
    expect(last?.body).not.toMatch(/Private Person|private\.person/);
  });

  it('gives up after its retries and logs it, without the author’s details', async () => {
    const hook = await receiver(10);
    onTestFinished(hook.close);
    const { logger, lines } = memoryLogger();
    const notifier = createNotifier({
      db: database.db,
      logger,
      publicUrl: 'https://news.example',
      webhookUrl: hook.url,
      webhookSecret: secret,
      retryDelaysMs: [1, 1],
    });
    const { app } = testApp(database.db, { onHeld: (c) => notifier.held(c) });
    expect((await app.request(commentsPath, jsonRequest('POST', held))).status).toBe(201);
    await notifier.settled();
    expect(hook.requests).toHaveLength(3);
    const warning = lines
      .map((l) => JSON.parse(l) as { msg: string; err?: string })
      .find((l) => l.msg === 'webhook notification failed');
    expect(warning?.err).toMatch(/gave up after 3 attempts/);
    expect(lines.join('\n')).not.toMatch(/private\.person|Private Person/);
  });
});
