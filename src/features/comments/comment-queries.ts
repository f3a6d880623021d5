import { infiniteQueryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../lib/api-client';
import { commenterToken } from './commenter-token';
import { commentPageSchema, commenterTokenHeader, type CommentOrder } from './comment-schemas';

export const commentPageSize = 50;

export const commentQueries = {
  all: (slug: string) => ['comments', slug] as const,
  list: (slug: string, order: CommentOrder) =>
    infiniteQueryOptions({
      queryKey: [...commentQueries.all(slug), 'list', { order }] as const,
      queryFn: ({ pageParam, signal }) => {
        const params = new URLSearchParams({ order, limit: String(commentPageSize) });
        if (pageParam) params.set('cursor', pageParam);
        return apiRequest(
          `/api/articles/${encodeURIComponent(slug)}/comments?${params}`,
          commentPageSchema,
          { signal, headers: { [commenterTokenHeader]: commenterToken() } },
        );
      },
      initialPageParam: null as string | null,
      getNextPageParam: (lastPage) => lastPage.nextCursor,
    }),
};

export const commentMutationKeys = {
  /** Every comment post, for mutation defaults (which match by prefix). */
  posts: () => ['comment-posts'] as const,
  post: (slug: string) => [...commentMutationKeys.posts(), slug] as const,
};
