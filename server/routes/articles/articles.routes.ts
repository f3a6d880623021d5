import { Hono } from 'hono';
import { refusals } from '../../../src/contract/comment-rules';
import type { AppDeps, AppEnv } from '../../app-deps';
import { refuse } from '../../lib/api-error';
import { findArticle, listArticles } from './article-store';

export const articlePaths = { list: '/api/articles', one: '/api/articles/:slug' } as const;

export function articleRoutes(deps: AppDeps) {
  const now = deps.now ?? (() => new Date());
  const app = new Hono<AppEnv>();
  app.get(articlePaths.list, async (c) => c.json(await listArticles(deps.db, now())));
  app.get(articlePaths.one, async (c) => {
    const found = await findArticle(deps.db, c.req.param('slug'), now());
    if (!found) return refuse(c, refusals.noArticle());
    return c.json(found.article);
  });
  return app;
}
