import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { NotFoundPage } from '../../app/not-found-page';
import { ErrorState } from '../../components/error-state';
import { isApiError } from '../../lib/api-error';
import { articleQueries } from './article-queries';
import { ArticleSkeleton } from './article-skeleton';
import type { Article } from './article-schemas';
import { ArticleView } from './article-view';

export function ArticlePage({
  slug,
  renderAfter,
}: {
  slug: string;
  /** What follows a loaded article (the app puts the comment section there). */
  renderAfter?: (article: Article) => ReactNode;
}) {
  const query = useQuery(articleQueries.detail(slug));

  if (query.isPending) return <ArticleSkeleton />;
  if (query.isError) {
    if (isApiError(query.error) && query.error.status === 404)
      return <NotFoundPage what="article" />;
    return (
      <div className="article">
        <ErrorState
          error={query.error}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
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
