import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../lib/api-client';
import { commenterToken } from './commenter-token';
import {
  commentPageSchema,
  commenterTokenHeader,
  type CommentOrder,
} from '../../contract/comments';

/** A page of threads; with no `limit`, as many as the site's owner set (the server decides). */
function fetchCommentPage(
  slug: string,
  params: { order: CommentOrder; limit?: number; cursor?: string | null },
  signal: AbortSignal,
) {
  const search = new URLSearchParams({ order: params.order });
  if (params.limit !== undefined) search.set('limit', String(params.limit));
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
      // A later page comes through `page`, so one fetched ahead (see CommentSection) is used
      // at once, and one still on its way is waited for, not asked for twice.
      queryFn: ({ pageParam, signal, client }) =>
        pageParam === null
          ? fetchCommentPage(slug, { order }, signal)
          : client.fetchQuery(commentQueries.page(slug, order, pageParam)),
      initialPageParam: null as string | null,
      getNextPageParam: (lastPage) => lastPage.nextCursor,
      // What the reader is reading never changes under them: new comments from others are
      // announced (see `latest`) and shown when the reader asks.
      staleTime: Infinity,
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
    }),
  /**
   * The page after `cursor`, fetched ahead while the reader nears "Load more": the click then
   * only has to show it. Briefly fresh: the list takes it as it is, or asks again.
   */
  page: (slug: string, order: CommentOrder, cursor: string) =>
    queryOptions({
      queryKey: [...commentQueries.all(slug), 'page', { order, cursor }] as const,
      queryFn: ({ signal }) => fetchCommentPage(slug, { order, cursor }, signal),
      staleTime: 30_000,
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
