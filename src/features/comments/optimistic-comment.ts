import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { Comment, CommentOrder, CommentPage, CommentRequest } from './comment-schemas';
import { commentQueries } from './comment-queries';

const optimisticPrefix = 'optimistic-';

/** A comment shown before the server has answered. */
export function isOptimistic(comment: Comment): boolean {
  return comment.id.startsWith(optimisticPrefix);
}

export function optimisticComment(request: CommentRequest): Comment {
  return {
    id: `${optimisticPrefix}${request.clientId}`,
    parentId: request.parentId,
    author: request.name.trim(),
    website: request.website?.trim() || null,
    content: request.comment.trim(),
    createdAt: new Date().toISOString(),
    status: 'approved',
  };
}

type Pages = InfiniteData<CommentPage, string | null>;

function orderOf(queryKey: readonly unknown[]): CommentOrder {
  const options = queryKey[3];
  return typeof options === 'object' && options && 'order' in options && options.order === 'newest'
    ? 'newest'
    : 'oldest';
}

function insert(data: Pages, comment: Comment, order: CommentOrder): Pages {
  const pages = [...data.pages];
  const newestFirst = order === 'newest' && comment.parentId === null;
  // A reply joins the page that holds its thread; a new thread goes where the order puts it.
  const threadPage = pages.findIndex((page) =>
    page.comments.some((c) => c.id === comment.parentId),
  );
  const index = threadPage >= 0 ? threadPage : newestFirst ? 0 : pages.length - 1;
  const page = pages[index];
  if (!page) return data;
  pages[index] = {
    ...page,
    comments: newestFirst ? [comment, ...page.comments] : [...page.comments, comment],
  };
  return withTotal({ ...data, pages }, 1);
}

function withTotal(data: Pages, delta: number): Pages {
  const [first, ...rest] = data.pages;
  if (!first) return data;
  return { ...data, pages: [{ ...first, total: Math.max(0, first.total + delta) }, ...rest] };
}

function replace(data: Pages, id: string, comment: Comment): Pages {
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      comments: page.comments.map((c) => (c.id === id ? comment : c)),
    })),
  };
}

/** Applies `change` to every cached comment list of the article (each sort order). */
function updateLists(
  queryClient: QueryClient,
  slug: string,
  change: (data: Pages, order: CommentOrder) => Pages,
) {
  for (const [queryKey, data] of queryClient.getQueriesData<Pages>({
    queryKey: commentQueries.all(slug),
  })) {
    if (data) queryClient.setQueryData<Pages>(queryKey, change(data, orderOf(queryKey)));
  }
}

export function addOptimisticComment(queryClient: QueryClient, slug: string, comment: Comment) {
  updateLists(queryClient, slug, (data, order) => insert(data, comment, order));
}

/** Swaps the stand-in for the server's comment; a held comment does not count as published. */
export function reconcileComment(
  queryClient: QueryClient,
  slug: string,
  optimisticId: string,
  saved: Comment,
) {
  updateLists(queryClient, slug, (data) => {
    const next = replace(data, optimisticId, saved);
    return saved.status === 'approved' ? next : withTotal(next, -1);
  });
}

/** Snapshots every cached list of the article, to put back if the post fails. */
export function snapshotLists(queryClient: QueryClient, slug: string) {
  const snapshot = queryClient.getQueriesData<Pages>({ queryKey: commentQueries.all(slug) });
  return () => {
    for (const [queryKey, data] of snapshot) queryClient.setQueryData(queryKey, data);
  };
}
