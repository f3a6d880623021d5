import { ErrorBoundary } from '../components/error-boundary';
import { SectionError } from '../components/section-error';
import { ArticlePage } from '../features/article/article-page';
import { DeferredCommentSection } from './deferred-comment-section';

/** The article page with its comment section: the app composes the two features. */
export function ArticleRoute({ slug }: { slug: string }) {
  return (
    <ErrorBoundary fallback={(reset) => <SectionError what="article" onRetry={reset} />}>
      <ArticlePage
        slug={slug}
        renderAfter={(article) => (
          // A broken comment section never hides the article above it.
          <ErrorBoundary fallback={(reset) => <SectionError what="comments" onRetry={reset} />}>
            <DeferredCommentSection slug={article.slug} title={article.headline} />
          </ErrorBoundary>
        )}
      />
    </ErrorBoundary>
  );
}
