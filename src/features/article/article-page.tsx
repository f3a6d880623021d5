import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { NotFoundPage } from '../../app/not-found-page';
import { ErrorState } from '../../components/error-state';
import { isApiError } from '../../lib/api-error';
import { articleQueries } from './article-queries';
import { ArticleSkeleton } from './article-skeleton';
import { ArticleView } from './article-view';

export function ArticlePage() {
  const { slug = '' } = useParams();
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
  return <ArticleView article={query.data} />;
}
