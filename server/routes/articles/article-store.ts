import { and, desc, eq, lte, sql, type Placeholder, type SQL } from 'drizzle-orm';
import {
  articleSchema,
  type Article,
  type ArticleList,
  type ArticleSummary,
} from '../../../src/contract/articles';
import type { Database, Queryable } from '../../db/client';
import { articles } from '../../db/schema';

function toSummary({ slug, headline, publishedAt, updatedAt, byline, summary, image }: Article) {
  const item: ArticleSummary = { slug, headline, publishedAt, summary, image };
  if (updatedAt !== undefined) item.updatedAt = updatedAt;
  if (byline !== undefined) item.byline = byline;
  return item;
}

/**
 * What readers may see of an article: not a draft (never published, or unpublished by an
 * editor), and its publication time has come. Every reader's query (the API, the pages, the
 * front page, the feeds, comments) filters on this and nothing else.
 */
export function readableArticle(now: Date | Placeholder): SQL {
  return and(eq(articles.draft, false), lte(articles.publishedAt, now)) as SQL;
}

/** Stored documents were parsed on the way in; parsing again on the way out keeps drift loud. */
function toArticle(document: unknown): Article {
  return articleSchema.parse(document);
}

/** The front page: published articles, newest first. */
export async function listArticles(db: Database, now: Date): Promise<ArticleList> {
  const rows = await db
    .select({ document: articles.document })
    .from(articles)
    .where(readableArticle(now))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(100);
  return { articles: rows.map((r) => toSummary(toArticle(r.document))) };
}

/** A published article (one whose time has come), with what its page shows of its comments. */
export async function findArticle(db: Database, slug: string, now: Date) {
  const [row] = await db
    .select({
      id: articles.id,
      document: articles.document,
      revision: articles.revision,
      approvedComments: articles.approvedComments,
    })
    .from(articles)
    .where(and(eq(articles.slug, slug), readableArticle(now)))
    .limit(1);
  return row
    ? {
        id: row.id,
        article: toArticle(row.document),
        revision: row.revision,
        commentCount: row.approvedComments,
      }
    : null;
}

/**
 * What decides whether a cached page is still right: the article's revision and its comments'
 * version (the page shows page 1 of the comments, so an edit or a removal moves it too), with its
 * publication time, by which the owner's rules may close it to comments.
 */
export async function articleVersion(db: Database, slug: string, now: Date) {
  const [row] = await db
    .select({
      revision: articles.revision,
      commentsVersion: articles.commentsVersion,
      publishedAt: articles.publishedAt,
    })
    .from(articles)
    .where(and(eq(articles.slug, slug), readableArticle(now)))
    .limit(1);
  // The page shows page 1 of the comments: any change to one (a post, an edit, a removal) moves
  // the comments' version, and the article's own changes its revision.
  return row
    ? { version: `${row.revision}.${row.commentsVersion}`, publishedAt: row.publishedAt }
    : null;
}

/** Adds an article, or replaces the one with its slug (bumping its revision). */
export async function saveArticle(db: Queryable, article: Article) {
  const document = articleSchema.parse(article);
  await db
    .insert(articles)
    .values({ slug: document.slug, publishedAt: new Date(document.publishedAt), document })
    .onConflictDoUpdate({
      target: articles.slug,
      set: {
        publishedAt: new Date(document.publishedAt),
        document,
        revision: sql`${articles.revision} + 1`,
      },
    });
}

/** The front page changes when an article is added, changed, or its time to appear comes. */
export async function frontPageVersion(db: Database, now: Date) {
  const [row] = await db
    .select({
      n: sql<number>`count(*)::int`,
      revisions: sql<number>`coalesce(sum(${articles.revision}), 0)::int`,
    })
    .from(articles)
    .where(readableArticle(now));
  return `${row?.n ?? 0}.${row?.revisions ?? 0}`;
}
