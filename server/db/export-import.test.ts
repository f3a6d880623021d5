// db:export and db:import's logic: from an embedded database (PGlite) to the engine under test
// (PGlite in the `server` project, PostgreSQL in `server-pg`), judged by what the API answers.
import { asc, sql } from 'drizzle-orm';
import { postCommentResponseSchema } from '../../src/contract/comments';
import { addTestArticle, jsonRequest, testApp, testSlug } from '../test/test-app';
import { openPgliteTestDatabase, openTestDatabase, type TestDatabase } from '../test/test-database';
import type { Database } from './client';
import { exportData } from './export-data';
import { ExportFileError, parseExport, serializeExport, type DataExport } from './export-format';
import { DatabaseNotEmptyError, importData } from './import-data';
import { addSamplesIfEmpty } from './samples';
import { testPasswordCost } from '../lib/passwords';
import { addTestModerator, moderatorBrowser } from '../test/moderation-client';
import { articles, comments, moderationAudit, moderationSettings, moderators } from './schema';

let source: TestDatabase;
let target: TestDatabase;
beforeAll(async () => {
  [source, target] = await Promise.all([openPgliteTestDatabase(), openTestDatabase()]);
});
afterAll(async () => {
  await Promise.all([source?.close(), target?.close()]);
});
beforeEach(async () => {
  await Promise.all([source.reset(), target.reset()]);
});

// One clock for both apps: the edit window and the flood guard see the same time after the move.
let clock = Date.parse('2026-12-01T10:00:00Z');
const now = () => new Date(clock);
const appOn = (db: Database) => testApp(db, { now }).app;

const token = 'a-commenter-token-of-some-length';
const commentsUrl = `/api/articles/${testSlug}/comments`;
let n = 0;

async function postTo(db: Database, fields: { comment?: string; parentId?: string | null } = {}) {
  n += 1;
  clock += 20_000;
  const clientId = crypto.randomUUID();
  const response = await appOn(db).request(
    commentsUrl,
    jsonRequest(
      'POST',
      {
        comment: `Comment number ${n}, with some thoughts.`,
        name: `Reader ${n}`,
        email: `reader${n}@example.com`,
        website: n % 2 ? 'https://example.com/me' : '',
        parentId: null,
        clientId,
        ...fields,
      },
      { 'X-Commenter-Token': token },
    ),
  );
  expect(response.status).toBe(201);
  return { clientId, ...postCommentResponseSchema.parse(await response.json()) };
}

/** The sample articles and their comments, then threads of every kind the API can make. */
async function fillSource() {
  await addSamplesIfEmpty(source.db);
  const top = await postTo(source.db);
  let parent = top.comment.id;
  // Six replies deep: the last two both sit at depth 5.
  for (let i = 0; i < 6; i += 1)
    parent = (await postTo(source.db, { parentId: parent })).comment.id;
  const held = await postTo(source.db, {
    comment: 'See https://a.example and https://b.example for more.',
  });
  expect(held.comment.status).toBe('pending');
  const edited = await postTo(source.db);
  const edit = await appOn(source.db).request(
    `${commentsUrl}/${edited.comment.id}`,
    jsonRequest('PATCH', { comment: 'Second thoughts, edited.', editToken: edited.editToken }),
  );
  expect(edit.status).toBe(200);
  // Deleted with a reply under it: a placeholder, its text and email erased.
  const removed = await postTo(source.db);
  await postTo(source.db, { parentId: removed.comment.id });
  const deletion = await appOn(source.db).request(
    `${commentsUrl}/${removed.comment.id}`,
    jsonRequest('DELETE', { editToken: removed.editToken }),
  );
  expect(deletion.status).toBe(204);
  for (let i = 0; i < 3; i += 1) await postTo(source.db);
  // Moderation: an account, a reply as the site, a comment in spam (remembering its status
  // before), changed settings, and the audit log of it all.
  await addTestModerator(source.db);
  const moderator = moderatorBrowser(
    testApp(source.db, { now, passwordCost: testPasswordCost }).app,
  );
  expect((await moderator.signIn()).status).toBe(200);
  const reply = await moderator.send('POST', `/api/moderation/comments/${top.comment.id}/reply`, {
    content: 'Thank you, from the site.',
  });
  expect(reply.status).toBe(201);
  const spam = await moderator.send('POST', '/api/moderation/comments/actions', {
    action: 'spam',
    ids: [held.comment.id],
  });
  expect(spam.status).toBe(200);
  const settings = await moderator.send('PUT', '/api/moderation/settings', {
    moderationWords: 'casino',
  });
  expect(settings.status).toBe(200);
  return { top, edited };
}

/** What readers (and the author of the held comment) are told, on every page of every list. */
async function apiAnswers(db: Database) {
  const app = appOn(db);
  const answers: Record<string, unknown> = {};
  const read = async (path: string, headers: Record<string, string> = {}) => {
    const response = await app.request(path, { headers });
    const body: unknown = await response.json();
    answers[`${JSON.stringify(headers)} ${path}`] = { status: response.status, body };
    return body as { nextCursor?: string | null; articles?: { slug: string }[] };
  };
  const list = await read('/api/articles');
  for (const { slug } of list.articles ?? []) {
    await read(`/api/articles/${slug}`);
    for (const order of ['oldest', 'newest']) {
      const readers: Record<string, string>[] = [{}, { 'X-Commenter-Token': token }];
      for (const headers of readers) {
        let cursor: string | null | undefined = null;
        do {
          const query: string = `?order=${order}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
          cursor = (await read(`/api/articles/${slug}/comments${query}`, headers)).nextCursor;
        } while (cursor);
      }
    }
  }
  return answers;
}

/** Every stored field, the private ones included. */
async function storedRows(db: Database) {
  const articleRows = await db.select().from(articles).orderBy(asc(articles.id));
  return {
    // The comments' version is a cache key (a transaction id), not content: a new database
    // starts its own.
    articles: articleRows.map(({ commentsVersion: _version, ...row }) => row),
    comments: await db.select().from(comments).orderBy(asc(comments.id)),
    moderators: await db.select().from(moderators).orderBy(asc(moderators.id)),
    audit: await db.select().from(moderationAudit).orderBy(asc(moderationAudit.id)),
    settings: (await db.select().from(moderationSettings)).map((row) => row.settings),
  };
}

async function isEmpty(db: Database) {
  const [a] = await db.select({ n: sql<number>`count(*)::int` }).from(articles);
  const [c] = await db.select({ n: sql<number>`count(*)::int` }).from(comments);
  return a?.n === 0 && c?.n === 0;
}

function withoutTime(data: DataExport) {
  return { ...data, exportedAt: 'any' };
}

test('an export loaded into an empty database answers every API request as the original did', async () => {
  const { top, edited } = await fillSource();
  const exported = await exportData(source.db);
  expect(exported.counts.articles).toBe(3);

  const file = serializeExport(exported);
  await importData(target.db, parseExport(file));

  expect(await apiAnswers(target.db)).toEqual(await apiAnswers(source.db));
  expect(await storedRows(target.db)).toEqual(await storedRows(source.db));
  // Exported again, it is the same file.
  expect(withoutTime(await exportData(target.db))).toEqual(withoutTime(exported));

  // It goes on where the original left off. The id sequences were moved past the loaded ids:
  const next = await postTo(target.db);
  const highest = Math.max(...exported.comments.map((c) => c.id));
  expect(Number(next.comment.id)).toBe(highest + 1);
  // the edit token's hash came along: its author can still edit it,
  const edit = await appOn(target.db).request(
    `${commentsUrl}/${edited.comment.id}`,
    jsonRequest('PATCH', { comment: 'Edited after the move.', editToken: edited.editToken }),
  );
  expect(edit.status).toBe(200);
  // and so did the client id's: a late resend is recognised, not stored twice.
  const resend = await appOn(target.db).request(
    commentsUrl,
    jsonRequest('POST', {
      comment: top.comment.content,
      name: top.comment.author,
      email: 'reader1@example.com',
      website: 'https://example.com/me',
      parentId: null,
      clientId: top.clientId,
    }),
  );
  expect(resend.status).toBe(200);
  expect(postCommentResponseSchema.parse(await resend.json()).comment.id).toBe(top.comment.id);
});

test('a database that holds anything is refused, and left as it was', async () => {
  await fillSource();
  const exported = await exportData(source.db);
  await addTestArticle(target.db);
  const before = await storedRows(target.db);
  await expect(importData(target.db, exported)).rejects.toThrow(DatabaseNotEmptyError);
  await expect(importData(target.db, exported)).rejects.toThrow(
    /not empty \(1 article\(s\), 0 comment\(s\), 0 moderator\(s\)\)/,
  );
  expect(await storedRows(target.db)).toEqual(before);
});

test('a failure part-way through the load leaves the database empty', async () => {
  await addSamplesIfEmpty(source.db);
  const exported = await exportData(source.db);
  const article = exported.articles[0];
  if (!article) throw new Error('no sample article');
  // Past the first batch of rows, one that only the database refuses (PostgreSQL text cannot
  // hold a NUL): everything before it was written in the same transaction.
  const many = Array.from({ length: 1500 }, (_, i) => ({
    ...(exported.comments[0] as DataExport['comments'][number]),
    id: 1000 + i,
    articleId: article.id,
    parentId: null,
    threadId: null,
    depth: 1,
    clientIdHash: null,
    content: i === 1400 ? 'a NUL \u0000 inside' : `comment ${i}`,
  }));
  const data = parseExport(
    serializeExport({
      ...exported,
      counts: { articles: exported.articles.length, comments: many.length },
      comments: many,
    }),
  );
  await expect(importData(target.db, data)).rejects.toThrow();
  expect(await isEmpty(target.db)).toBe(true);
});

describe('a damaged file is refused before anything is written', () => {
  let file = '';
  beforeEach(async () => {
    await fillSource();
    file = serializeExport(await exportData(source.db));
  });

  async function refused(text: string, message: RegExp) {
    expect(() => parseExport(text)).toThrow(ExportFileError);
    expect(() => parseExport(text)).toThrow(message);
    expect(await isEmpty(target.db)).toBe(true);
  }

  test('cut short anywhere', async () => {
    for (const fraction of [0.01, 0.3, 0.6, 0.999]) {
      await refused(file.slice(0, Math.floor(file.length * fraction)), /not valid JSON.*cut short/);
    }
    // Cut at the end of a record's line, and the brackets closed again: still JSON, but short.
    const lines = file.split('\n');
    const cut = lines.findIndex((l) => l.startsWith('"comments"')) + 3;
    await refused(
      `${lines.slice(0, cut).join('\n').replace(/,$/, '')}\n]}`,
      /says \d+ comments but holds 2\b/,
    );
  });

  test('a record gone, changed or pointing nowhere', async () => {
    const lines = file.split('\n');
    const at = lines.findIndex((l) => l.includes('"parentId":') && !l.includes('"parentId":null'));
    const reply = lines[at] ?? '';
    await refused(
      [...lines.slice(0, at), ...lines.slice(at + 1)].join('\n'),
      /says \d+ comments but holds/,
    );
    await refused(
      file.replace(reply, reply.replace(/"parentId":\d+/, '"parentId":99999')),
      /parentId: names no comment/,
    );
    await refused(
      file.replace(reply, reply.replace(/"depth":\d/, '"depth":1')),
      /depth: must be one more/,
    );
    await refused(
      file.replace(/"editTokenHash":"[0-9a-f]{6}/, '"editTokenHash":"xyz123'),
      /editTokenHash: must be a SHA-256/,
    );
    await refused(
      file.replace('"status":"approved"', '"status":"lost"'),
      /comments\[\d+\]\.status/,
    );
  });

  test('not an export, or a version this one cannot read', async () => {
    await refused('{"articles": []}', /not an export of The Daily Thread/);
    await refused(
      file.replace('"version":1', '"version":2'),
      /format 2, newer than this version reads \(1\)/,
    );
  });
});
