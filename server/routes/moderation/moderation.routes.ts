import { Hono } from 'hono';
import {
  auditPageSchema,
  auditQuerySchema,
  editByModeratorRequestSchema,
  editByModeratorResponseSchema,
  moderationActionRequestSchema,
  moderationActionResponseSchema,
  queuePageSchema,
  queueQuerySchema,
  replyRequestSchema,
  replyResponseSchema,
} from '../../../src/contract/moderation';
import { moderationRefusals } from '../../../src/contract/moderation-rules';
import type { AppDeps } from '../../app-deps';
import { readValidBody, readValidQuery, refuse } from '../../lib/api-error';
import { authPaths, authRoutes } from '../auth/auth.routes';
import { parseId } from '../comments/comment-store';
import { privacyRoutes } from '../privacy/privacy.routes';
import { settingsRoutes } from '../settings/settings.routes';
import type { SettingsReader } from '../settings/settings-store';
import { listAudit } from './audit-store';
import type { ModerationEnv } from './moderation-env';
import { moderationGuard } from './moderation-guard';
import { applyAction, editByModerator, listQueue, replyAsSite } from './queue-store';

export const moderationPaths = {
  queue: '/api/moderation/comments',
  actions: '/api/moderation/comments/actions',
  one: '/api/moderation/comments/:id',
  reply: '/api/moderation/comments/:id/reply',
  audit: '/api/moderation/audit',
} as const;

/**
 * Everything under /api/moderation: first the checks every request passes (a change from this
 * app's own pages, with the custom header; a live session, except to sign in), then each
 * resource's routes. Nothing here is cached anywhere: it is one moderator's private view.
 */
export function moderationRoutes(deps: AppDeps, settings: SettingsReader) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const app = new Hono<ModerationEnv>();

  app.use('/api/moderation/*', moderationGuard(deps, { signIn: authPaths.session }));

  app.route('/', authRoutes(deps));
  app.route('/', settingsRoutes(deps, settings));
  app.route('/', privacyRoutes(deps));

  app.get(moderationPaths.queue, async (c) => {
    const query = readValidQuery(
      c,
      queueQuerySchema,
      'The queue was asked for with bad parameters.',
    );
    if (!query.ok) return query.response;
    return c.json(queuePageSchema.parse(await listQueue(db, query.data)));
  });

  app.post(moderationPaths.actions, async (c) => {
    const body = await readValidBody(
      c,
      moderationActionRequestSchema,
      'The action was not understood.',
    );
    if (!body.ok) return body.response;
    const outcome = await applyAction(db, body.data, c.get('session').moderator.id, now());
    return c.json(moderationActionResponseSchema.parse(outcome));
  });

  app.patch(moderationPaths.one, async (c) => {
    const id = parseId(c.req.param('id'));
    const body = await readValidBody(c, editByModeratorRequestSchema);
    if (!body.ok) return body.response;
    const edited = id
      ? await editByModerator(db, id, body.data.content, c.get('session').moderator.id, now())
      : null;
    if (!edited) return refuse(c, moderationRefusals.noComment());
    return c.json(editByModeratorResponseSchema.parse(edited));
  });

  app.post(moderationPaths.reply, async (c) => {
    const id = parseId(c.req.param('id'));
    const body = await readValidBody(c, replyRequestSchema);
    if (!body.ok) return body.response;
    const { moderator } = c.get('session');
    const outcome = id ? await replyAsSite(db, id, body.data.content, moderator, now()) : null;
    if (!outcome || outcome.kind === 'missing') return refuse(c, moderationRefusals.noComment());
    if (outcome.kind === 'conflict') return refuse(c, moderationRefusals.cannotReply());
    const { item, parent, undo } = outcome;
    return c.json(replyResponseSchema.parse({ item, parent, undo }), 201);
  });

  app.get(moderationPaths.audit, async (c) => {
    const query = readValidQuery(
      c,
      auditQuerySchema,
      'The audit log was asked for with bad parameters.',
    );
    if (!query.ok) return query.response;
    return c.json(auditPageSchema.parse(await listAudit(db, query.data)));
  });

  return app;
}
