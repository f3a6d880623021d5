import { createMiddleware } from 'hono/factory';
import { moderationRefusals } from '../../../src/contract/moderation-rules';
import type { AppDeps } from '../../app-deps';
import { refuse } from '../../lib/api-error';
import { checkSameOrigin } from '../../lib/same-origin';
import { readSessionCookie } from '../auth/session-cookie';
import { resumeSession } from '../auth/session-store';
import type { ModerationEnv } from './moderation-env';

/**
 * The checks every moderation and editing request passes: a change comes from this app's own
 * pages, with the custom header; a live session is needed (except to sign in, at `signIn`),
 * and for `editorsOnly` routes the editor role. Answers are never cached.
 */
export function moderationGuard(
  deps: AppDeps,
  options: { signIn?: string; editorsOnly?: boolean } = {},
) {
  const now = deps.now ?? (() => new Date());
  return createMiddleware<ModerationEnv>(async (c, next) => {
    const method = c.req.method;
    if (method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS') {
      const problem = checkSameOrigin(c, deps.publicUrl);
      if (problem) return refuse(c, problem);
    }
    const signingIn = method === 'POST' && c.req.path === options.signIn;
    if (!signingIn) {
      const token = readSessionCookie(c);
      const session = token ? await resumeSession(deps.db, token, now()) : null;
      if (!session) return refuse(c, moderationRefusals.signedOut());
      if (options.editorsOnly && session.moderator.role !== 'editor') {
        return refuse(c, moderationRefusals.editorsOnly());
      }
      c.set('session', session);
    }
    await next();
    c.res.headers.set('Cache-Control', 'no-store');
  });
}
