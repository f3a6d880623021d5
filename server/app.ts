import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { matchedRoutes } from 'hono/route';
import { commenterTokenHeader } from '../src/contract/comments';
import type { AppDeps, AppEnv } from './app-deps';
import { bodyRefusals, maxBodyBytes } from '../src/contract/comment-rules';
import { apiError, refuse } from './lib/api-error';
import { securityHeaders } from './lib/security-headers';
import {
  adminArticlePaths,
  adminArticleRoutes,
} from './routes/admin-articles/admin-articles.routes';
import { articlePaths, articleRoutes } from './routes/articles/articles.routes';
import { commentFormRoutes } from './routes/comments/comment-form.routes';
import { commentPaths, commentRoutes } from './routes/comments/comments.routes';
import { feedRoutes } from './routes/feeds/feeds.routes';
import { healthRoutes } from './routes/health/health.routes';
import { moderationRoutes } from './routes/moderation/moderation.routes';
import { createSettingsReader } from './routes/settings/settings-store';
import { openApiRoutes } from './routes/openapi/openapi.routes';

/** Which methods each API path answers, for 405 and its Allow header. */
const allowedMethods: Record<string, string[]> = {
  [articlePaths.list]: ['GET', 'HEAD'],
  [articlePaths.one]: ['GET', 'HEAD'],
  [commentPaths.list]: ['GET', 'HEAD', 'POST'],
  [commentPaths.one]: ['PATCH', 'DELETE'],
  '/api/openapi.json': ['GET', 'HEAD'],
  // Answered after the moderation guard: the signed-out get 401 first.
  '/api/moderation/session': ['POST', 'DELETE'],
  '/api/moderation/sessions': ['DELETE'],
  '/api/moderation/me': ['GET', 'HEAD'],
  '/api/moderation/comments': ['GET', 'HEAD'],
  '/api/moderation/comments/actions': ['POST'],
  '/api/moderation/comments/:id': ['PATCH'],
  '/api/moderation/comments/:id/reply': ['POST'],
  '/api/moderation/audit': ['GET', 'HEAD'],
  '/api/moderation/settings': ['GET', 'HEAD', 'PUT'],
  '/api/moderation/privacy/export': ['POST'],
  '/api/moderation/privacy/erase': ['POST'],
  [adminArticlePaths.list]: ['GET', 'HEAD', 'POST'],
  [adminArticlePaths.preview]: ['POST'],
  [adminArticlePaths.one]: ['GET', 'HEAD', 'PUT'],
  [adminArticlePaths.publish]: ['POST'],
  [adminArticlePaths.unpublish]: ['POST'],
};

export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const log = deps.logger;

  /** The route that answered, as its pattern (never the address itself, which may hold data). */
  const routeOf = (c: Context) =>
    matchedRoutes(c)
      .filter((r) => r.method !== 'ALL')
      .at(-1)?.path ?? c.req.routePath;

  app.use(async (c, next) => {
    const requestId = randomUUID();
    c.set('requestId', requestId);
    const started = performance.now();
    await next();
    // On the response's own headers: c.header() after next() would copy the response, turning a
    // ready body into a stream that is then read back chunk by chunk (half of a cached page's
    // cost).
    c.res.headers.set('X-Request-Id', requestId);
    // What a log line holds: never a body, a query string, a header or a cookie, so no email,
    // token or cookie value can reach it.
    log.info(
      {
        reqId: requestId,
        method: c.req.method,
        route: routeOf(c),
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      },
      'request',
    );
  });
  app.use(securityHeaders(deps.publicUrl));

  if (deps.corsOrigins?.length) {
    const allowed = new Set(deps.corsOrigins);
    app.use(
      '/api/*',
      cors({
        origin: (origin) => (allowed.has(origin) ? origin : null),
        allowMethods: ['GET', 'HEAD', 'POST', 'PATCH', 'DELETE'],
        allowHeaders: ['Content-Type', commenterTokenHeader],
        exposeHeaders: ['Retry-After'],
        maxAge: 600,
      }),
    );
  }

  const limitBody = bodyLimit({
    maxSize: maxBodyBytes,
    // Refused while it streams in, before it is read whole.
    onError: (c) => refuse(c, bodyRefusals.tooLarge()),
  });
  // Not on reads, whose bodies are never read: asking for one builds a full Request (and its
  // AbortSignal) out of the light one the Node adapter made.
  app.use('/api/*', (c, next) =>
    c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limitBody(c, next),
  );

  app.route('/', healthRoutes(deps));
  app.route('/', openApiRoutes());
  app.route('/', articleRoutes(deps));
  const settings = createSettingsReader(deps.db, deps.settingsMaxAgeMs);
  app.route('/', commentRoutes(deps, settings));
  app.route('/', moderationRoutes(deps, settings));
  app.route('/', adminArticleRoutes(deps));
  app.route('/', feedRoutes(deps));

  for (const [path, methods] of Object.entries(allowedMethods)) {
    app.all(path, (c) => {
      const response = apiError(
        c,
        405,
        `${c.req.method} is not supported here: use ${methods.join(', ')}.`,
      );
      response.headers.set('Allow', methods.join(', '));
      return response;
    });
  }
  app.all('/api/*', (c) => apiError(c, 404, 'There is no API endpoint at this address.'));

  if (deps.pages) {
    const pages = deps.pages;
    app.route('/', commentFormRoutes(deps, pages, settings));
    app.get('*', (c) => pages.handle(c));
    app.on('HEAD', '*', (c) => pages.handle(c));
  }
  app.notFound((c) => apiError(c, 404, 'Nothing is served at this address.'));

  app.onError((error, c) => {
    log.error({ reqId: c.get('requestId'), route: routeOf(c), err: error }, 'unhandled error');
    if (c.req.path.startsWith('/api/')) {
      return apiError(c, 500, 'Something went wrong on our side. Please try again in a moment.');
    }
    return c.html(
      '<!doctype html><meta charset="utf-8"><title>Something went wrong</title><p>Something went wrong on our side. Please try again in a moment.</p>',
      500,
    );
  });
  return app;
}
