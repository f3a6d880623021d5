import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../lib/api-client';
import { commenterToken } from './commenter-token';
import {
  commentPageSchema,
  commentPageSize,
  commenterTokenHeader,
  type CommentOrder,
} from '../../contract/comments';

function fetchCommentPage(
  slug: string,
  params: { order: CommentOrder; limit: number; cursor?: string | null },
  signal: AbortSignal,
) {
  const search = new URLSearchParams({ order: params.order, limit: String(params.limit) });
  if (params.cursor) search.set('cursor', params.cursor);
  return apiRequest(
    `/api/articles/${encodeURIComponent(slug)}/comments?${search}`,
    commentPageSchema,
    { signal, headers: { [commenterTokenHeader]: commenterToken() } },
  );
}

/** How often the page checks for comments posted by others while it is open. */
export const liveCheckIntervalMs = 30_000;

export const commentQueries = {
  all: (slug: string) => ['comments', slug] as const,
  list: (slug: string, order: CommentOrder) =>
    infiniteQueryOptions({
      queryKey: [...commentQueries.all(slug), 'list', { order }] as const,
      queryFn: ({ pageParam, signal }) =>
        fetchCommentPage(slug, { order, limit: commentPageSize, cursor: pageParam }, signal),
      initialPageParam: null as string | null,
      getNextPageParam: (lastPage) => lastPage.nextCursor,
      // What the reader is reading never changes under them: new comments from others are
      // announced (see `latest`) and shown when the reader asks.
      staleTime: Infinity,
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
    }),
  /** A light check for comments posted since the list was loaded: on focus and on an interval. */
  latest: (slug: string) =>
    queryOptions({
      queryKey: [...commentQueries.all(slug), 'latest'] as const,
      queryFn: ({ signal }) => fetchCommentPage(slug, { order: 'newest', limit: 1 }, signal),
      select: (page) => page.total,
      staleTime: 0,
      refetchInterval: liveCheckIntervalMs,
      refetchOnWindowFocus: true,
    }),
};

export const commentMutationKeys = {
  /** Every comment post, for mutation defaults (which match by prefix). */
  posts: () => ['comment-posts'] as const,
  post: (slug: string) => [...commentMutationKeys.posts(), slug] as const,
};
