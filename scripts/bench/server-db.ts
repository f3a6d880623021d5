// The bench's database, for `npm run bench:server` (bench-server.mjs runs this file through
// tsx): migrated afresh, then filled through Drizzle with the server's own schema and code.
//
//   node --import tsx scripts/bench/server-db.ts prepare (--url URL | --data-dir DIR)
//   node --import tsx scripts/bench/server-db.ts explain (--url URL | --data-dir DIR)
//
// prepare: three articles with the seed article's text. `bench-10k` holds the generated busy
// thread (big-thread.mjs, seeded: 10,000 comments in about a thousand threads); `bench-100k` and
// `bench-50` hold 100,000 and 50 top-level comments of one shape (and one held comment each),
// so page 1 of either is the same 50 comments and only the table's size differs. thread_id,
// depth and approved_comments are kept as server/db/samples.ts keeps them. Prints one line of
// JSON: the slugs and counts.
// explain: EXPLAIN ANALYZE of the list's queries (the article look-up, the threads, then their
// replies), built by the server's own query builders, on the 100k article and on the 10k one.
import { parseArgs } from 'node:util';
import { sql, type SQLWrapper } from 'drizzle-orm';
import { articleFixtures } from '../../mocks/fixtures/articles';
import { openDatabase, type Database } from '../../server/db/client';
import { articles, comments } from '../../server/db/schema';
import { saveArticle } from '../../server/routes/articles/article-store';
import {
  articleForReaderQuery,
  repliesQuery,
  threadsQuery,
} from '../../server/routes/comments/comment-store';
import { hashToken } from '../../server/lib/tokens';
import { bigThreadDb, describeThread } from './big-thread.mjs';

export const benchSlugs = { big: 'bench-10k', huge: 'bench-100k', small: 'bench-50' } as const;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { url: { type: 'string' }, 'data-dir': { type: 'string' } },
});
const action = positionals[0];
if ((action !== 'prepare' && action !== 'explain') || (!values.url && !values['data-dir'])) {
  console.error('usage: server-db.ts prepare|explain (--url URL | --data-dir DIR)');
  process.exit(2);
}

const handle = await openDatabase({ url: values.url, dataDir: values['data-dir'] });
const { db } = handle;
try {
  const result = action === 'prepare' ? await prepare(db) : await explain(db);
  console.log(JSON.stringify(result));
} finally {
  await handle.close();
}

async function prepare(db: Database) {
  // A run's posts must not pile up in the next run's figures: start from nothing.
  await db.execute(sql`drop table if exists comments, articles cascade`);
  await db.execute(sql`drop schema if exists drizzle cascade`);
  await handle.migrate();

  const seed = articleFixtures[0];
  if (!seed) throw new Error('No article fixtures');
  for (const slug of Object.values(benchSlugs)) await saveArticle(db, { ...seed, slug });
  const idOf = new Map(
    (await db.select({ id: articles.id, slug: articles.slug }).from(articles)).map((a) => [
      a.slug,
      a.id,
    ]),
  );
  const articleId = (slug: string) => {
    const id = idOf.get(slug);
    if (!id) throw new Error(`No article ${slug}`);
    return id;
  };

  // The busy thread, with ids given here (parents come before their replies) so each row knows
  // its parent's id, its thread's and its depth before it is inserted.
  const thread = bigThreadDb(benchSlugs.big);
  const placed = new Map<string, { id: number; threadId: number | null; depth: number }>();
  const rows = thread.comments.map((c, index) => {
    const id = index + 1;
    const parent = c.parentId ? placed.get(c.parentId) : undefined;
    const row = {
      id,
      articleId: articleId(benchSlugs.big),
      parentId: parent?.id ?? null,
      threadId: parent ? (parent.threadId ?? parent.id) : null,
      // Deeper chains attach at the deepest level, as the samples do.
      depth: parent ? Math.min(parent.depth + 1, 5) : 1,
      author: c.author,
      email: c.email,
      website: c.website,
      content: c.content,
      status: c.status,
      createdAt: new Date(c.createdAt),
    };
    placed.set(c.id, { id, threadId: row.threadId, depth: row.depth });
    return row;
  });
  for (let i = 0; i < rows.length; i += 1000) {
    await db.insert(comments).values(rows.slice(i, i + 1000));
  }
  await db.execute(
    sql`select setval(pg_get_serial_sequence('comments', 'id'), (select max(id) from comments))`,
  );

  // Lone comments, one every 37 s, about as long as the busy thread's.
  const lone = (slug: string, n: number) => sql`
    insert into comments (article_id, depth, author, email, content, status, created_at)
    select ${articleId(slug)}, 1, 'Reader ' || g, 'reader' || g || '@example.com',
      'Comment ' || g || ': the talks, the treaty and the week''s statement, seen from here. '
        || repeat('A second thought on the analysis. ', 2),
      'approved', timestamptz '2023-04-16 17:00:00+00' + g * interval '37 seconds'
    from generate_series(1, ${n}::int) as g`;
  await db.execute(lone(benchSlugs.huge, 100_000));
  await db.execute(lone(benchSlugs.small, 50));
  // A comment awaiting moderation on each, older than the rest, whose author's browser
  // (bench-server.mjs's authorToken) is then given a page of its own, made on every request.
  for (const slug of [benchSlugs.huge, benchSlugs.small]) {
    await db.insert(comments).values({
      articleId: articleId(slug),
      depth: 1,
      author: 'Bench Author',
      email: 'bench-author@example.com',
      content: 'Held: see https://a.example and www.b.example.',
      status: 'pending',
      createdAt: new Date('2023-04-16T16:59:00Z'),
      authorTokenHash: hashToken('bench-author-token-0000000000000000'),
    });
  }

  await db.execute(sql`
    update articles set
      approved_comments = (select count(*) from comments
        where comments.article_id = articles.id and status = 'approved'),
      comments_version = pg_current_xact_id()::text::bigint`);
  // Plans as a server that has been running a while would have them (autovacuum's analyse).
  await db.execute(sql`analyze`);

  const counts = await db
    .select({ slug: articles.slug, id: articles.id, approved: articles.approvedComments })
    .from(articles);
  return { articles: counts, bigThread: describeThread(thread) };
}

/** EXPLAIN ANALYZE of a query as the server builds it, as plain lines. */
async function plan(db: Database, query: SQLWrapper): Promise<string[]> {
  const result = await db.execute(sql`explain (analyze, costs off, timing off) ${query}`);
  // node-postgres answers { rows }, PGlite answers { rows } too: one column, "QUERY PLAN".
  const rows = (result as unknown as { rows: Record<string, string>[] }).rows;
  return rows.map((r) => Object.values(r)[0] ?? '');
}

async function explain(db: Database) {
  const ids = new Map(
    (await db.select({ id: articles.id, slug: articles.slug }).from(articles)).map((a) => [
      a.slug,
      a.id,
    ]),
  );
  const huge = ids.get(benchSlugs.huge);
  const big = ids.get(benchSlugs.big);
  if (!huge || !big) throw new Error('Run prepare first');
  const page = { limit: 50 } as const;
  const bigThreads = await threadsQuery(db, big, { ...page, order: 'oldest' }, null);
  return {
    // Every request for comments: the article, its comments' version, the reader's held ones.
    "article look-up with a reader's token": await plan(
      db,
      articleForReaderQuery(db, benchSlugs.big, new Date(), hashToken('bench-reader-token')),
    ),
    'threads, 100k article, oldest first': await plan(
      db,
      threadsQuery(db, huge, { ...page, order: 'oldest' }, null),
    ),
    'threads, 100k article, newest first': await plan(
      db,
      threadsQuery(db, huge, { ...page, order: 'newest' }, null),
    ),
    'replies, 10k article, page 1': await plan(
      db,
      repliesQuery(
        db,
        bigThreads.slice(0, page.limit).map((t) => t.id),
        null,
      ),
    ),
  };
}
