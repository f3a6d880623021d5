import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../lib/api-client';
import { commenterToken } from './commenter-token';
import { commentQueries } from './comment-queries';
import {
  commenterTokenHeader,
  postCommentResponseSchema,
  type CommentRequest,
} from './comment-schemas';
import {
  addOptimisticComment,
  optimisticComment,
  reconcileComment,
  snapshotLists,
} from './optimistic-comment';

export function postComment(slug: string, request: CommentRequest) {
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

/** Posts a comment, showing it at once and reconciling it with the server's reply. */
export function usePostComment(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...commentQueries.all(slug), 'post'],
    mutationFn: (request: CommentRequest) => postComment(slug, request),
    onMutate: async (request) => {
      await queryClient.cancelQueries({ queryKey: commentQueries.all(slug) });
      const restore = snapshotLists(queryClient, slug);
      const optimistic = optimisticComment(request);
      addOptimisticComment(queryClient, slug, optimistic);
      return { restore, optimisticId: optimistic.id };
    },
    onError: (_error, _request, context) => context?.restore(),
    onSuccess: ({ comment }, _request, context) => {
      if (context) reconcileComment(queryClient, slug, context.optimisticId, comment);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: commentQueries.all(slug) }),
  });
}
