import type { ActiveSession } from '../auth/session-store';

/** What the moderation routes see: the request id, and the moderator's session once checked. */
export type ModerationEnv = { Variables: { requestId: string; session: ActiveSession } };
