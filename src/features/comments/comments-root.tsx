import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { CommentFormEcho, CommentOrder, CommentPage } from '../../contract/comments';
import { commentQueries } from './comment-queries';
import { CommentSection } from './comment-section';
import { commentsQueryClient } from './comments-query-client';
import { heldComments } from './held-comments';
import { useHydrated } from '../../lib/use-hydrated';

/** Page 1 as the server rendered it: the section shows it without asking for it again. */
export interface SeedComments {
  order: CommentOrder;
  page: CommentPage;
  /** The form as a post without JavaScript left it, refused. */
  echo?: CommentFormEcho;
}

function seed(client: QueryClient, slug: string, { order, page }: SeedComments) {
  const { queryKey } = commentQueries.list(slug, order);
  // Never over what this tab has loaded since (a later page, a post): that is newer.
  if (client.getQueryData(queryKey)) return;
  client.setQueryData(queryKey, { pages: [page], pageParams: [null] });
}

/**
 * The comment section with its query client: what the article page loads lazily. Rendering on
 * the server (into the page's HTML) it gets a client of its own per page, which stores nothing.
 */
export function CommentsRoot({
  seedPage,
  ...props
}: {
  slug: string;
  title: string;
  focusOnLoad?: boolean;
  seedPage?: SeedComments;
}) {
  const [client] = useState(() =>
    typeof window === 'undefined' ? new QueryClient() : commentsQueryClient(),
  );
  // Asked here, once: this re-renders right after hydrating, and the section (memoized) does not.
  const hydrating = !useHydrated();
  const [serverMarkup] = useState(hydrating);
  // In render, not in an effect: the first render (the hydration of the server's markup) must
  // already show the same comments. Seeding is idempotent and notifies no one yet.
  if (seedPage) seed(client, props.slug, seedPage);
  const seededOrder = seedPage?.order;
  useEffect(() => {
    // The page's copy has no one's held comments: this browser's author asks again for theirs.
    if (!seededOrder || !heldComments.has(props.slug)) return;
    void client.invalidateQueries({
      queryKey: commentQueries.list(props.slug, seededOrder).queryKey,
    });
  }, [client, props.slug, seededOrder]);
  return (
    <QueryClientProvider client={client}>
      <CommentSection
        {...props}
        serverMarkup={serverMarkup}
        initialOrder={seedPage?.order}
        {...(seedPage?.echo ? { echo: seedPage.echo } : {})}
      />
    </QueryClientProvider>
  );
}
