import { Writable } from 'node:stream';
import { pino } from 'pino';
import { putinMeetsChinaDefenseMinister } from '../../mocks/fixtures/articles/putin-meets-china-defense-minister';
import type { Article } from '../../src/contract/articles';
import { createApp } from '../app';
import type { AppDeps } from '../app-deps';
import type { Database } from '../db/client';
import { saveArticle } from '../routes/articles/article-store';
import { localWritesOf } from './test-database';

/** A logger whose lines a test can read: what would have gone to standard output. */
export function memoryLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

/** The app as main.ts builds it (without pages unless given), on a test database. */
export function testApp(db: Database, deps: Partial<AppDeps> = {}) {
  const { logger, lines } = memoryLogger();
  const localWrites = localWritesOf(db);
  const app = createApp({ db, logger, ...(localWrites ? { localWrites } : {}), ...deps });
  return { app, logs: lines };
}

export const testSlug = putinMeetsChinaDefenseMinister.slug;

/** Adds an article (the seed article by default) the tests can comment on. */
export async function addTestArticle(
  db: Database,
  article: Article = putinMeetsChinaDefenseMinister,
) {
  await saveArticle(db, article);
  return article;
}

export function jsonRequest(method: string, body: unknown, headers: Record<string, string> = {}) {
  return {
    method,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

let commentsMade = 0;

/** A new comment's request body, each with its own text, email and client id: none is a duplicate. */
export function newCommentRequest(overrides: Record<string, unknown> = {}) {
  commentsMade += 1;
  return {
    comment: `Plain words, number ${commentsMade}.`,
    name: 'Ada Reader',
    email: `ada${commentsMade}@example.com`,
    website: '',
    parentId: null,
    clientId: crypto.randomUUID(),
    ...overrides,
  };
}
