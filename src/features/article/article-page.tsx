import type { ReactNode } from 'react';
import { NotFoundPage } from '../../app/not-found-page';
import { ErrorState } from '../../components/error-state';
import { isApiError } from '../../lib/api-error';
import { useArticle } from './article-data';
import { ArticleSkeleton } from './article-skeleton';
import type { Article } from '../../contract/articles';
import { ArticleView } from './article-view';

export function ArticlePage({
  slug,
  renderAfter,
}: {
  slug: string;
  /** What follows a loaded article (the app puts the comment section there). */
  renderAfter?: (article: Article) => ReactNode;
}) {
  const query = useArticle(slug);

  if (query.status === 'pending') return <ArticleSkeleton />;
  if (query.status === 'error') {
    if (isApiError(query.error) && query.error.status === 404)
      return <NotFoundPage what="article" />;
    return (
      <div className="article">
        <ErrorState error={query.error} onRetry={query.reload} retrying={query.fetching} />
      </div>
    );
  }
  return (
    <>
      <ArticleView article={query.data} />
      {renderAfter?.(query.data)}
    </>
  );
}
