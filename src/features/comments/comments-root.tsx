import { QueryClientProvider } from '@tanstack/react-query';
import { CommentSection } from './comment-section';
import { commentsQueryClient } from './comments-query-client';

/** The comment section with its query client: what the article page loads lazily. */
export function CommentsRoot({ slug, title }: { slug: string; title: string }) {
  return (
    <QueryClientProvider client={commentsQueryClient()}>
      <CommentSection slug={slug} title={title} />
    </QueryClientProvider>
  );
}
