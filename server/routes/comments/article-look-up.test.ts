import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { eq, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { putinMeetsChinaDefenseMinister as seed } from '../../../mocks/fixtures/articles/putin-meets-china-defense-minister';
import { countWrites, type Database } from '../../db/client';
import * as schema from '../../db/schema';
import { saveArticle } from '../articles/article-store';
import { prepareArticleForReader } from './comment-store';

// The embedded engine keeps each request's article look-up until this process writes. Here one
// PGlite is reached twice: through the counted client the server uses, and around it, as no
// other process can (the data directory is locked), to tell a kept answer from a fresh one.
describe('the article look-up on the embedded engine', () => {
  let client: PGlite;
  let counted: ReturnType<typeof countWrites>;
  let db: Database;
  let around: Database;

  beforeAll(async () => {
    client = new PGlite({ loadDataDir: new Blob([readFileSync(inject('pgliteSnapshot'))]) });
    await client.waitReady;
    counted = countWrites(client);
    db = drizzle(counted.client, { schema }) as unknown as Database;
    around = drizzle(client, { schema }) as unknown as Database;
    await saveArticle(db, seed);
  });
  afterAll(() => client.close());

  const at = (ms: number) => new Date(Date.parse('2030-01-01T00:00:00Z') + ms);
  const bumpAround = () =>
    around
      .update(schema.articles)
      .set({ approvedComments: sql`${schema.articles.approvedComments} + 1` })
      .where(eq(schema.articles.slug, seed.slug));

  it('answers from what it kept until a second has passed, when nothing was written here', async () => {
    const lookUp = prepareArticleForReader(db, counted.writes);
    const first = await lookUp(seed.slug, at(0), null);
    await bumpAround();
    expect(await lookUp(seed.slug, at(500), null)).toEqual(first);
    const later = await lookUp(seed.slug, at(1000), null);
    expect(later?.version).not.toBe(first?.version);
  });

  it('looks again after any write made through the server', async () => {
    const lookUp = prepareArticleForReader(db, counted.writes);
    const first = await lookUp(seed.slug, at(0), null);
    await bumpAround();
    await db.execute(sql`select 1`); // a select: no write
    expect(await lookUp(seed.slug, at(1), null)).toEqual(first);
    await db.transaction(async () => undefined); // a transaction may have written
    const second = await lookUp(seed.slug, at(2), null);
    expect(second?.version).not.toBe(first?.version);
    await bumpAround();
    await db.execute(sql`update articles set revision = revision where false`);
    expect((await lookUp(seed.slug, at(3), null))?.version).not.toBe(second?.version);
  });

  it('keeps one answer per reader, and a reader who posts a held comment is told at once', async () => {
    const lookUp = prepareArticleForReader(db, counted.writes);
    const token = 'a'.repeat(64);
    const article = await lookUp(seed.slug, at(0), token);
    expect(article?.holdsOwn).toBe(false);
    expect(await lookUp('no-such-article', at(0), null)).toBeNull();
    await db.insert(schema.comments).values({
      articleId: article?.id ?? 0,
      depth: 1,
      author: 'Held',
      email: 'held@example.com',
      content: 'Two links: https://a.example https://b.example',
      status: 'pending',
      createdAt: at(1),
      authorTokenHash: token,
    });
    expect((await lookUp(seed.slug, at(1), token))?.holdsOwn).toBe(true);
    expect((await lookUp(seed.slug, at(1), null))?.holdsOwn).toBe(false);
  });

  it('without the count, always asks the database', async () => {
    const lookUp = prepareArticleForReader(db);
    const first = await lookUp(seed.slug, at(0), null);
    await bumpAround();
    expect((await lookUp(seed.slug, at(1), null))?.version).not.toBe(first?.version);
  });
});
