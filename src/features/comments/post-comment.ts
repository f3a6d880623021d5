import type { QueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../lib/api-client';
import { z } from '../../contract/zod-mini';
import { isTransient } from '../../lib/remote-data';
import { commenterToken } from './commenter-token';
import { commentDraft } from './comment-draft';
import { editTokens } from './edit-tokens';
import { keepSendingWhileLeaving } from './keep-sending-while-leaving';
import { commentMutationKeys, commentQueries } from './comment-queries';
import {
  commentRequestSchema,
  commenterTokenHeader,
  postCommentResponseSchema,
  type CommentRequest,
} from '../../contract/comments';

export const postCommentVariablesSchema = z.object({
  slug: z.string(),
  request: commentRequestSchema,
});
export type PostCommentVariables = { slug: string; request: CommentRequest };

export function postComment({ slug, request }: PostCommentVariables) {
  return apiRequest(
    `/api/articles/${encodeURIComponent(slug)}/comments`,
    postCommentResponseSchema,
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [commenterTokenHeader]: commenterToken() },
      body: JSON.stringify(request),
    },
  );
}

/**
 * Registered before a persisted cache is restored, so a comment queued offline in a tab that was
 * then closed is sent on the next visit, with the same client id (the server stores it once).
 * A post with no form on screen (resumed on another page, or its form gone) retries a network
 * failure or a server error by itself, 2, 4 and 8 s apart, as the form would; the form's own
 * posts retry as the form shows (it sets `retry: false` and resends with the same client id).
 */
export function registerCommentMutationDefaults(queryClient: QueryClient): void {
  queryClient.setMutationDefaults(commentMutationKeys.posts(), {
    mutationFn: (variables: PostCommentVariables) =>
      keepSendingWhileLeaving(() => postComment(variables)),
    retry: (failureCount, error) => failureCount < 3 && isTransient(error),
    retryDelay: (failureCount) => 1000 * 2 ** (failureCount + 1),
    onSuccess: ({ comment, editToken, editableUntil }, { slug, request }: PostCommentVariables) => {
      editTokens.remember(comment.id, editToken, editableUntil);
      // Another tab may have typed a newer draft since: only clear the words that were sent.
      commentDraft.clearIfSent(slug, request.parentId, request.comment);
      // The post stays pending until the list shows the saved comment, so nothing flickers.
      return queryClient.invalidateQueries({ queryKey: commentQueries.all(slug) });
    },
  });
}
