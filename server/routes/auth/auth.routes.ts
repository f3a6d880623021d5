import { Hono } from 'hono';
import { signInRequestSchema } from '../../../src/contract/moderation';
import { moderationRefusals } from '../../../src/contract/moderation-rules';
import type { AppDeps } from '../../app-deps';
import { readValidBody, refuse } from '../../lib/api-error';
import { clientIp } from '../../lib/client-ip';
import { decoyHash, verifyPassword } from '../../lib/passwords';
import type { ModerationEnv } from '../moderation/moderation-env';
import { clearSessionCookie, isSecureSite, writeSessionCookie } from './session-cookie';
import { createSession, endAllSessions, endSession, findModeratorByEmail } from './session-store';
import { clearFailures, limitKeys, lockedFor, recordFailure, signInLimits } from './sign-in-limits';

export const authPaths = {
  session: '/api/moderation/session',
  sessions: '/api/moderation/sessions',
  me: '/api/moderation/me',
} as const;

/** Sign in, sign out (here or everywhere), and who is signed in. */
export function authRoutes(deps: AppDeps) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const app = new Hono<ModerationEnv>();

  app.post(authPaths.session, async (c) => {
    const body = await readValidBody(c, signInRequestSchema);
    if (!body.ok) return body.response;
    const { email, password } = body.data;
    const at = now();
    const keys = limitKeys(email, clientIp(c, deps.trustProxyHops ?? 0));
    const locked = await lockedFor(db, [keys.account, keys.ip], at);
    if (locked > 0) return refuse(c, moderationRefusals.lockedOut(locked));

    const moderator = await findModeratorByEmail(db, email);
    // Checked against a decoy when there is no such account: the same work, the same time.
    const hash = moderator?.passwordHash ?? (await decoyHash(deps.passwordCost));
    const passwordOk = await verifyPassword(hash, password);
    if (!moderator || !passwordOk || moderator.disabledAt) {
      const lock = Math.max(
        await recordFailure(db, keys.account, signInLimits.account.freeFailures, at),
        await recordFailure(db, keys.ip, signInLimits.ip.freeFailures, at),
      );
      return refuse(
        c,
        lock > 0 ? moderationRefusals.lockedOut(lock) : moderationRefusals.badCredentials(),
      );
    }
    await clearFailures(db, keys.account);
    const session = await createSession(db, moderator, at);
    writeSessionCookie(c, session.token, isSecureSite(c, deps.publicUrl));
    return c.json(session.body, 200);
  });

  app.get(authPaths.me, (c) => c.json(c.get('session').body));

  app.delete(authPaths.session, async (c) => {
    await endSession(db, c.get('session').sessionId);
    clearSessionCookie(c, isSecureSite(c, deps.publicUrl));
    return c.body(null, 204);
  });

  app.delete(authPaths.sessions, async (c) => {
    await endAllSessions(db, c.get('session').moderator.id);
    clearSessionCookie(c, isSecureSite(c, deps.publicUrl));
    return c.body(null, 204);
  });

  return app;
}
