/**
 * What a moderation action does to a comment, and the moderation API's refusals: plain
 * functions the mock and the server both call, as comment-rules.ts is for readers' comments.
 */
import { refusal, type StoredStatus } from './comment-rules';
import type { BulkAction, QueueTab } from './moderation';

export const moderationRefusals = {
  signedOut: () => refusal(401, 'Sign in to moderate.'),
  /** The same words whether the account exists, is disabled, or the password is wrong. */
  badCredentials: () => refusal(401, 'The email address or password is not right.'),
  lockedOut: (retryAfterSeconds: number) =>
    refusal(
      429,
      `Too many failed sign-ins: try again in ${retryAfterSeconds} seconds.`,
      { retryAfterSeconds },
      { 'Retry-After': String(retryAfterSeconds) },
    ),
  crossSite: () =>
    refusal(403, 'Moderation changes are accepted only from this site’s own moderation pages.'),
  noHeader: () =>
    refusal(
      403,
      'Moderation changes must carry the X-Moderation-Request: 1 header (the moderation pages send it).',
    ),
  /** A moderator without the editor role asks for the article endpoints. */
  editorsOnly: () =>
    refusal(403, 'Only an editor can manage articles: ask the site owner for the editor role.'),
  noArticle: () => refusal(404, 'There is no article with this id.'),
  noComment: () => refusal(404, 'That comment no longer exists.'),
  cannotReply: () =>
    refusal(409, 'That comment is in spam or trash, or was deleted: restore it before replying.'),
};

/** Where a status change comes from and goes to; `statusBefore` is what Restore goes back to. */
export type StatusChange =
  | { ok: true; to: QueueTab | null; statusBefore: 'approved' | 'pending' | null }
  | { ok: false; message: string };

const inQueue = (status: StoredStatus): status is QueueTab => status !== 'deleted';

/**
 * What an action makes of a comment in `current`: a new status (null: deleted for good) and
 * the status to restore later, or why it cannot. Actions that leave a status as it is succeed.
 */
export function planStatusChange(
  action: BulkAction,
  current: StoredStatus,
  statusBefore: 'approved' | 'pending' | null,
): StatusChange {
  if (!inQueue(current)) {
    return { ok: false, message: 'Its author deleted this comment: there is nothing to moderate.' };
  }
  const kept = current === 'approved' || current === 'pending' ? current : statusBefore;
  switch (action) {
    case 'approve':
      return { ok: true, to: 'approved', statusBefore: null };
    case 'unapprove':
      return current === 'approved' || current === 'pending'
        ? { ok: true, to: 'pending', statusBefore: null }
        : { ok: false, message: 'Only a published comment can be unapproved: restore it first.' };
    case 'spam':
      return { ok: true, to: 'spam', statusBefore: kept };
    case 'trash':
      return { ok: true, to: 'trash', statusBefore: kept };
    case 'restore':
      return current === 'spam' || current === 'trash'
        ? { ok: true, to: statusBefore ?? 'pending', statusBefore: null }
        : { ok: false, message: 'Only a comment in spam or trash can be restored.' };
    case 'delete':
      return current === 'spam' || current === 'trash'
        ? { ok: true, to: null, statusBefore: null }
        : {
            ok: false,
            message: 'Only a comment in spam or trash can be deleted permanently: trash it first.',
          };
  }
}

/** An undo puts a comment back only if nothing else has moved it since. */
export function planUndo(
  current: StoredStatus,
  expected: QueueTab,
  status: QueueTab,
): StatusChange {
  if (current !== expected) {
    return {
      ok: false,
      message: 'Someone changed this comment since: it was left as it is now.',
    };
  }
  // Undoing a Restore sends it back to spam or trash, from where it would restore to here.
  const back = status === 'spam' || status === 'trash';
  const kept = current === 'approved' || current === 'pending' ? current : null;
  return { ok: true, to: status, statusBefore: back ? kept : null };
}

/**
 * Brute force, slowed: failures are counted per account (the address tried, whether or not an
 * account has it, so a lockout tells nothing) and per client address (the server keeps the
 * counts in SQL, so every server process counts the same). Past a threshold each failure locks for twice as long as the one
 * before, up to a ceiling; an hour without failures starts the count again.
 */
export const signInLimits = {
  account: { freeFailures: 5 },
  ip: { freeFailures: 20 },
  firstLockSeconds: 30,
  maxLockSeconds: 15 * 60,
  forgetAfterSeconds: 60 * 60,
} as const;

export function lockSeconds(failures: number, freeFailures: number): number {
  if (failures < freeFailures) return 0;
  const doubled = signInLimits.firstLockSeconds * 2 ** Math.min(failures - freeFailures, 20);
  return Math.min(signInLimits.maxLockSeconds, doubled);
}
