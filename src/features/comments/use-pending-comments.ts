import { useMutationState } from '@tanstack/react-query';
import { commentMutationKeys } from './comment-queries';
import type { Comment } from '../../contract/comments';
import { postCommentVariablesSchema } from './post-comment';

const pendingPrefix = 'pending-';

export interface PendingComment {
  /** Shown in the list until the saved comment replaces it. */
  comment: Comment;
  clientId: string;
  /** Waiting for the browser to be online again. */
  paused: boolean;
}

/** A comment on screen that the server has not confirmed yet. */
export function isPendingComment(comment: Comment): boolean {
  return comment.id.startsWith(pendingPrefix);
}

/**
 * The article's comment posts still under way, queued offline ones included, as comments to
 * show. They come from the mutation cache, so a post restored after a reload shows up too.
 */
export function usePendingComments(slug: string): PendingComment[] {
  const states = useMutationState({
    filters: { mutationKey: commentMutationKeys.post(slug), status: 'pending' },
    select: (mutation) => ({
      variables: mutation.state.variables,
      paused: mutation.state.isPaused,
      submittedAt: mutation.state.submittedAt,
    }),
  });
  return states.flatMap(({ variables, paused, submittedAt }) => {
    const parsed = postCommentVariablesSchema.safeParse(variables);
    if (!parsed.success) return [];
    const { request } = parsed.data;
    return [
      {
        clientId: request.clientId,
        paused,
        comment: {
          id: `${pendingPrefix}${request.clientId}`,
          parentId: request.parentId,
          author: request.name,
          website: request.website || null,
          content: request.comment,
          createdAt: new Date(submittedAt).toISOString(),
          status: 'approved',
        },
      },
    ];
  });
}
