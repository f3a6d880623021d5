import { Hono, type Context } from 'hono';
import {
  adminArticleListSchema,
  adminArticleSchema,
  articleInputSchema,
  previewRequestSchema,
  previewResponseSchema,
  publishRequestSchema,
} from '../../../src/contract/admin-articles';
import { refusal } from '../../../src/contract/comment-rules';
import { moderationRefusals } from '../../../src/contract/moderation-rules';
import type { AppDeps } from '../../app-deps';
import { readValidBody, refuse } from '../../lib/api-error';
import { parseId } from '../comments/comment-store';
import type { ModerationEnv } from '../moderation/moderation-env';
import { moderationGuard } from '../moderation/moderation-guard';
import {
  createArticle,
  findAdminArticle,
  listAdminArticles,
  publishArticle,
  unpublishArticle,
  updateArticle,
  type SaveOutcome,
} from './admin-article-store';
import { markdownToBody } from './markdown-body';

export const adminArticlePaths = {
  list: '/api/admin/articles',
  preview: '/api/admin/articles/preview',
  one: '/api/admin/articles/:id',
  publish: '/api/admin/articles/:id/publish',
  unpublish: '/api/admin/articles/:id/unpublish',
} as const;

const invalidMessage = 'Some fields of the article need attention.';

function answer(c: Context, outcome: SaveOutcome, created = false) {
  if (outcome.kind === 'missing') return refuse(c, moderationRefusals.noArticle());
  if (outcome.kind === 'invalid') {
    return refuse(
      c,
      refusal(outcome.status, outcome.message, { fieldErrors: outcome.fieldErrors }),
    );
  }
  return c.json(adminArticleSchema.parse(outcome.article), created ? 201 : 200);
}

/** The editors' article API (src/contract/admin-articles.ts), behind the moderation guard. */
export function adminArticleRoutes(deps: AppDeps) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const app = new Hono<ModerationEnv>();
  app.use('/api/admin/*', moderationGuard(deps, { editorsOnly: true }));

  app.get(adminArticlePaths.list, async (c) =>
    c.json(adminArticleListSchema.parse(await listAdminArticles(db, now()))),
  );

  app.post(adminArticlePaths.preview, async (c) => {
    const body = await readValidBody(c, previewRequestSchema);
    if (!body.ok) return body.response;
    return c.json(previewResponseSchema.parse({ body: markdownToBody(body.data.markdown) }));
  });

  app.post(adminArticlePaths.list, async (c) => {
    const body = await readValidBody(c, articleInputSchema, invalidMessage);
    if (!body.ok) return body.response;
    const editor = c.get('session').moderator.id;
    return answer(c, await createArticle(db, body.data, editor, now()), true);
  });

  app.get(adminArticlePaths.one, async (c) => {
    const id = parseId(c.req.param('id'));
    const found = id ? await findAdminArticle(db, id, now()) : null;
    if (!found) return refuse(c, moderationRefusals.noArticle());
    return c.json(adminArticleSchema.parse(found));
  });

  app.put(adminArticlePaths.one, async (c) => {
    const id = parseId(c.req.param('id'));
    const body = await readValidBody(c, articleInputSchema, invalidMessage);
    if (!body.ok) return body.response;
    if (!id) return refuse(c, moderationRefusals.noArticle());
    const editor = c.get('session').moderator.id;
    return answer(c, await updateArticle(db, id, body.data, editor, now()));
  });

  app.post(adminArticlePaths.publish, async (c) => {
    const id = parseId(c.req.param('id'));
    const body = await readValidBody(c, publishRequestSchema, 'The publication time is not right.');
    if (!body.ok) return body.response;
    const at = body.data.publishedAt ? new Date(body.data.publishedAt) : undefined;
    const editor = c.get('session').moderator.id;
    const done = id ? await publishArticle(db, id, at, editor, now()) : null;
    if (!done) return refuse(c, moderationRefusals.noArticle());
    return c.json(adminArticleSchema.parse(done));
  });

  app.post(adminArticlePaths.unpublish, async (c) => {
    const id = parseId(c.req.param('id'));
    const editor = c.get('session').moderator.id;
    const done = id ? await unpublishArticle(db, id, editor, now()) : null;
    if (!done) return refuse(c, moderationRefusals.noArticle());
    return c.json(adminArticleSchema.parse(done));
  });

  return app;
}
