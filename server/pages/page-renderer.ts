import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Context } from 'hono';
import type { Article, ArticleList } from '../../src/contract/articles';
import type { CommentFormEcho, CommentPage } from '../../src/contract/comments';
import { commentsClosed } from '../../src/contract/comment-rules';
import type { ModerationSettings } from '../../src/contract/moderation';
import { commenterCookie } from '../lib/commenter-cookie';
import { hashToken } from '../lib/tokens';
import type { Database } from '../db/client';
import {
  articleVersion,
  findArticle,
  frontPageVersion,
  listArticles,
} from '../routes/articles/article-store';
import { listPage } from '../routes/comments/comment-store';
import { loadSettings } from '../routes/settings/settings-store';
import { createPageTemplate, type RenderedPage } from './page-template';
import { loadStaticFiles, pickEncoding, type StaticFile } from './static-files';

/** What src/entry-server.tsx exports, as built by `npm run build` (dist-server/). */
export interface RenderModule {
  setSiteOrigin(origin: string): void;
  renderFrontPage(list: ArticleList): Promise<RenderedPage>;
  renderArticlePage(
    article: Article,
    commentCount: number,
    comments?: CommentPage,
    echo?: CommentFormEcho,
  ): Promise<RenderedPage>;
  renderNotFoundPage(path: string): Promise<RenderedPage>;
  renderModerationPage(path: string): Promise<RenderedPage>;
}

export interface PageRenderer {
  handle(c: Context): Promise<Response>;
  /**
   * An article's page for one request, never cached: a refused post without JavaScript (its
   * words and errors in the form), with the given status. Null for an unknown article.
   */
  refusedPost(
    c: Context,
    slug: string,
    status: number,
    echo: CommentFormEcho,
    commenterToken: string | null,
  ): Promise<Response | null>;
}

interface CachedPage {
  version: string;
  checkedAt: number;
  /** The embedded engine's count of this process's writes when the version was checked. */
  writes: number | undefined;
  html: string;
  etag: string;
  br?: Buffer;
  gzip?: Buffer;
}

export interface PageRendererOptions {
  db: Database;
  render: RenderModule;
  /** The built index.html, and a way to read the stylesheet it links. */
  indexHtml: string;
  cssFor(href: string): string;
  /** Directories served as they are: the built app's files, and the sample media. */
  staticDirs: { dir: string; prefix: string }[];
  publicUrl: string;
  /** Other origins article media may load from (MEDIA_ORIGINS), for the CSP. */
  mediaOrigins?: readonly string[];
  now?: () => Date;
  /**
   * How long a cached page is served before its version is looked up again: on PostgreSQL, a
   * change (by any process) shows within this time.
   */
  recheckMs?: number;
  /**
   * The embedded engine's count of writes (DatabaseHandle.localWrites): every change goes
   * through this process, so a page is looked up again after any write, and a moderator's or a
   * reader's change shows at the next request.
   */
  localWrites?: () => number;
}

const articlePattern = /^\/articles\/([^/]+)\/?$/;

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

export function createPageRenderer(options: PageRendererOptions): PageRenderer {
  const { db, render } = options;
  const now = options.now ?? (() => new Date());
  const recheckMs = options.recheckMs ?? 1000;
  render.setSiteOrigin(new URL(options.publicUrl).origin);
  const template = createPageTemplate(
    options.indexHtml,
    options.cssFor,
    'header',
    options.mediaOrigins,
  );
  // Every server page names the site's feed, as WordPress's do, so a feed reader finds it.
  const fill = (page: RenderedPage) =>
    template.fill({
      ...page,
      head: `${page.head}\n    <link rel="alternate" type="application/rss+xml" title="The Daily Thread" href="/feed.xml" />`,
    });
  const files = new Map<string, StaticFile>();
  for (const { dir, prefix } of options.staticDirs) {
    for (const [path, file] of loadStaticFiles(dir, prefix)) files.set(path, file);
  }
  const cache = new Map<string, CachedPage>();

  function respond(
    c: Context,
    page: CachedPage,
    status: number,
    personal = false,
    kind: 'reader' | 'moderation' = 'reader',
  ): Response {
    const headers: Record<string, string> = {
      'Content-Type': 'text/html; charset=utf-8',
      // A page made for one browser (its held comments, its refused post) is never shared.
      'Cache-Control': personal ? 'private, no-store' : 'no-cache',
      ETag: page.etag,
      Vary: 'Accept-Encoding',
      'Content-Security-Policy': template.csp,
      // Readers' pages are not isolated from their opener: with same-origin, arriving on an
      // article took a browsing-context-group swap, which Lighthouse measured as a 200 ms task
      // (Total Blocking Time 95-260 ms against 0-42 without). They hold nothing an opener could
      // reach, and their links to other sites open with noopener. The moderation screens, which
      // hold a session, keep same-origin (the default in securityHeaders).
      ...(kind === 'reader' ? { 'Cross-Origin-Opener-Policy': 'unsafe-none' } : {}),
    };
    if (status === 200 && c.req.header('If-None-Match') === page.etag) {
      return new Response(null, { status: 304, headers });
    }
    const encoding = pickEncoding(c.req.header('Accept-Encoding'), { br: true, gzip: true });
    if (encoding === 'br') {
      page.br ??= brotliCompressSync(page.html, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 9 },
      });
      return new Response(new Uint8Array(page.br), {
        status,
        headers: { ...headers, 'Content-Encoding': 'br' },
      });
    }
    if (encoding === 'gzip') {
      page.gzip ??= gzipSync(page.html, { level: 9 });
      return new Response(new Uint8Array(page.gzip), {
        status,
        headers: { ...headers, 'Content-Encoding': 'gzip' },
      });
    }
    return new Response(page.html, { status, headers });
  }

  function entryFor(html: string, version = ''): CachedPage {
    return {
      version,
      checkedAt: Date.now(),
      writes: undefined,
      html,
      etag: `"${createHash('sha1').update(html).digest('base64url')}"`,
    };
  }

  /**
   * Page 1 as this browser may see it: with its own held comments, when its token has any; of
   * the owner's page size, and saying whether the article still takes comments (no form if not).
   */
  async function firstPage(
    found: { id: number; article: Article },
    commenterToken: string | null,
    rules: ModerationSettings,
  ) {
    const tokenHash = commenterToken ? hashToken(commenterToken) : null;
    const closed = commentsClosed(found.article, rules, now());
    return listPage(db, found.id, { order: 'oldest', limit: rules.pageSize }, tokenHash, closed);
  }

  /**
   * The article rendered for one browser: its held comments shown to it (posted without
   * JavaScript, so known by its cookie), or its refused post in the form. Null when the shared,
   * cached page is the right one.
   */
  async function personalPage(
    slug: string,
    commenterToken: string | null,
    echo?: CommentFormEcho,
  ): Promise<CachedPage | null | 'missing'> {
    if (!commenterToken && !echo) return null;
    const found = await findArticle(db, slug, now());
    if (!found) return 'missing';
    const comments = await firstPage(found, commenterToken, await loadSettings(db));
    const own = comments?.comments.some((comment) => comment.status === 'pending') ?? false;
    if (!own && !echo) return null;
    const page = await render.renderArticlePage(
      found.article,
      found.commentCount,
      comments ?? undefined,
      echo,
    );
    return entryFor(fill(page));
  }

  /** The cached page for a key while its version holds; otherwise rendered anew and cached. */
  async function cached(
    key: string,
    version: () => Promise<string | null>,
    make: () => Promise<RenderedPage | null>,
  ): Promise<CachedPage | null> {
    const hit = cache.get(key);
    const at = Date.now();
    const writes = options.localWrites?.();
    if (hit && at - hit.checkedAt < recheckMs && hit.writes === writes) return hit;
    const current = await version();
    if (current === null) return null;
    if (hit && hit.version === current) {
      hit.checkedAt = at;
      hit.writes = writes;
      return hit;
    }
    const page = await make();
    if (!page) return null;
    const html = fill(page);
    const entry: CachedPage = {
      version: current,
      checkedAt: at,
      writes,
      html,
      etag: `"${createHash('sha1').update(html).digest('base64url')}"`,
    };
    cache.set(key, entry);
    return entry;
  }

  let notFound: CachedPage | null = null;
  async function notFoundPage(c: Context): Promise<Response> {
    if (!notFound) {
      const page = await render.renderNotFoundPage(c.req.path);
      const html = fill(page);
      notFound = {
        version: '',
        checkedAt: 0,
        writes: undefined,
        html,
        etag: `"${createHash('sha1').update(html).digest('base64url')}"`,
      };
    }
    return respond(c, notFound, 404);
  }

  // One shell for every moderation address: the screens render in the browser (the session is
  // an HttpOnly cookie), so the path changes nothing in it, and any path costs one render.
  let moderationShell: CachedPage | null = null;
  async function moderationPage(c: Context): Promise<Response> {
    moderationShell ??= entryFor(fill(await render.renderModerationPage('/moderate')));
    return respond(c, moderationShell, 200, true, 'moderation');
  }

  function serveFile(c: Context, file: StaticFile): Response {
    const headers: Record<string, string> = {
      'Content-Type': file.type,
      'Cache-Control': file.cacheControl,
      ETag: file.etag,
    };
    if (file.br || file.gzip) headers.Vary = 'Accept-Encoding';
    if (c.req.header('If-None-Match') === file.etag)
      return new Response(null, { status: 304, headers });
    const encoding = pickEncoding(c.req.header('Accept-Encoding'), file);
    const body = encoding === 'br' ? file.br : encoding === 'gzip' ? file.gzip : file.body;
    if (encoding) headers['Content-Encoding'] = encoding;
    return new Response(new Uint8Array(body ?? file.body), { headers });
  }

  return {
    async handle(c) {
      const path = c.req.path;
      const file = files.get(path);
      if (file) return serveFile(c, file);
      // A missing file is a 404, never the app's HTML (a stale tab would run that as script).
      if (path.startsWith('/assets/') || /\.[a-z0-9]+$/i.test(path)) {
        return c.text('Not found', 404);
      }
      if (path === '/') {
        const page = await cached(
          'front',
          () => frontPageVersion(db, now()),
          async () => render.renderFrontPage(await listArticles(db, now())),
        );
        return page ? respond(c, page, 200) : notFoundPage(c);
      }
      if (path === '/moderate' || path.startsWith('/moderate/')) return moderationPage(c);
      const segment = articlePattern.exec(path)?.[1];
      const slug = segment === undefined ? null : decode(segment);
      if (slug === null) return notFoundPage(c);
      const personal = await personalPage(slug, commenterCookie(c));
      if (personal === 'missing') return notFoundPage(c);
      if (personal) return respond(c, personal, 200, true);
      // The owner's rules shape the page (page 1's size, the form or "Comments are closed"),
      // so they are part of its version, read with it.
      let rules: ModerationSettings | undefined;
      const page = await cached(
        `article:${slug}`,
        async () => {
          const state = await articleVersion(db, slug, now());
          if (!state) return null;
          rules = await loadSettings(db);
          const closed = commentsClosed({ slug, publishedAt: state.publishedAt }, rules, now());
          return `${state.version}.${rules.pageSize}.${closed ? 'closed' : 'open'}`;
        },
        async () => {
          const found = await findArticle(db, slug, now());
          if (!found || !rules) return null;
          // Page 1 as any reader sees it (no one's held comments), oldest first as WordPress's.
          const comments = await firstPage(found, null, rules);
          return render.renderArticlePage(found.article, found.commentCount, comments ?? undefined);
        },
      );
      return page ? respond(c, page, 200) : notFoundPage(c);
    },
    async refusedPost(c, slug, status, echo, commenterToken) {
      const page = await personalPage(slug, commenterToken, echo);
      return page && page !== 'missing' ? respond(c, page, status, true) : null;
    },
  };
}
