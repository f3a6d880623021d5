import { QueryClientProvider } from '@tanstack/react-query';
import { CommentSection } from './comment-section';
import { commentsQueryClient } from './comments-query-client';

/** The comment section with its query client: what the article page loads lazily. */
export function CommentsRoot(props: { slug: string; title: string; focusOnLoad?: boolean }) {
  return (
    <QueryClientProvider client={commentsQueryClient()}>
      <CommentSection {...props} />
    </QueryClientProvider>
  );
}
