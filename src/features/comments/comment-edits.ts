import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../lib/api-client';
import { z } from '../../contract/zod-mini';
import { commentQueries } from './comment-queries';
import { editCommentResponseSchema } from '../../contract/comments';
import { editTokens } from './edit-tokens';

const commentUrl = (slug: string, id: string) =>
  `/api/articles/${encodeURIComponent(slug)}/comments/${encodeURIComponent(id)}`;

/** Changes the words of the reader's own comment, within its edit window. */
export function useEditComment(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, comment, editToken }: { id: string; comment: string; editToken: string }) =>
      apiRequest(commentUrl(slug, id), editCommentResponseSchema, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ comment, editToken }),
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: commentQueries.all(slug) }),
  });
}

/**
 * Removes the reader's own comment, within its edit window. `onDeleted` runs even though the
 * comment (and whatever asked for this) is gone from the page by then.
 */
export function useDeleteComment(slug: string, onDeleted: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, editToken }: { id: string; editToken: string }) =>
      apiRequest(commentUrl(slug, id), z.unknown(), {
        method: 'DELETE',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ editToken }),
      }),
    onSuccess: async (_data, { id }) => {
      editTokens.forget(id);
      await queryClient.invalidateQueries({ queryKey: commentQueries.all(slug) });
      onDeleted();
    },
  });
}
