import type { HeldReason } from '../../src/contract/moderation';
import type { comments } from '../db/schema';

/**
 * What moderators are told of a held comment: where it is and why, and nothing about who wrote
 * it (no name, email, address or text); the queue shows the rest to those signed in.
 */
export interface HeldComment {
  commentId: string;
  articleSlug: string;
  reasons: HeldReason[];
  createdAt: string;
}

export function heldComment(row: typeof comments.$inferSelect, articleSlug: string): HeldComment {
  return {
    commentId: String(row.id),
    articleSlug,
    reasons: row.heldReasons.filter((r): r is HeldReason =>
      ['links', 'moderation-word', 'disallowed-word', 'first-comment'].includes(r),
    ),
    createdAt: row.createdAt.toISOString(),
  };
}
