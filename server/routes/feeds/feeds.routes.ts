import { createHash } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import { articleSchema } from '../../../src/contract/articles';
import type { AppDeps, AppEnv } from '../../app-deps';
import { apiError } from '../../lib/api-error';
import { articles, comments } from '../../db/schema';
import { articlesFeed, commentsFeed } from './feed-xml';
import { readableArticle } from '../articles/article-store';

export const feedPaths = {
  articles: '/feed.xml',
  comments: '/articles/:slug/comments.xml',
} as const;

const feedItems = 50;

interface CachedFeed {
  version: string;
  body: string;
  etag: string;
}

/**
 * The site's RSS feeds, as WordPress publishes them: its articles (with comment counts) and each
 * article's approved comments. Cached like the pages: a feed is made again only when its
 * version (the articles' revisions and their comments' versions) moves, and answered with an
 * ETag so a reader polling it gets 304 until then.
 */
export function feedRoutes(deps: AppDeps) {
  const now = deps.now ?? (() => new Date());
  const { db } = deps;
  const cache = new Map<string, CachedFeed>();
  const app = new Hono<AppEnv>();
  const site = (c: Context) => deps.publicUrl ?? new URL(c.req.url).origin;

  async function serve(c: Context, key: string, version: string, make: () => Promise<string>) {
    let entry = cache.get(key);
    if (!entry || entry.version !== version) {
      const body = await make();
      entry = { version, body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
      cache.set(key, entry);
    }
    const headers = {
      'Content-Type': 'application/rss+xml; charset=utf-8',
      'Cache-Control': 'no-cache',
      ETag: entry.etag,
    };
    if (c.req.header('If-None-Match') === entry.etag)
      return new Response(null, { status: 304, headers });
    return new Response(entry.body, { status: 200, headers });
  }

  app.get(feedPaths.articles, async (c) => {
    const at = now();
    const published = readableArticle(at);
    const [row] = await db
      .select({
        n: sql<number>`count(*)::int`,
        revisions: sql<string>`coalesce(sum(${articles.revision}), 0)::text`,
        comments: sql<string>`coalesce(max(${articles.commentsVersion}), 0)::text`,
        ids: sql<string>`coalesce(max(${articles.id}), 0)::text`,
      })
      .from(articles)
      .where(published);
    const version = `${row?.n}.${row?.revisions}.${row?.comments}.${row?.ids}`;
    return serve(c, `feed:${site(c)}`, version, async () => {
      const rows = await db
        .select({ document: articles.document, comments: articles.approvedComments })
        .from(articles)
        .where(published)
        .orderBy(desc(articles.publishedAt), desc(articles.id))
        .limit(feedItems);
      return articlesFeed(
        site(c),
        rows.map((r) => ({ article: articleSchema.parse(r.document), comments: r.comments })),
      );
    });
  });

  app.get(feedPaths.comments, async (c) => {
    const slug = c.req.param('slug');
    const [found] = await db
      .select({
        id: articles.id,
        document: articles.document,
        revision: articles.revision,
        commentsVersion: articles.commentsVersion,
      })
      .from(articles)
      .where(and(eq(articles.slug, slug), readableArticle(now())))
      .limit(1);
    if (!found) return apiError(c, 404, 'There is no published article with this slug.');
    return serve(
      c,
      `comments:${site(c)}:${slug}`,
      `${found.revision}.${found.commentsVersion}`,
      async () => {
        const rows = await db
          .select({
            id: comments.id,
            author: comments.author,
            content: comments.content,
            createdAt: comments.createdAt,
          })
          .from(comments)
          .where(and(eq(comments.articleId, found.id), eq(comments.status, 'approved')))
          .orderBy(desc(comments.createdAt), desc(comments.id))
          .limit(feedItems);
        return commentsFeed(site(c), articleSchema.parse(found.document), rows);
      },
    );
  });
  return app;
}
