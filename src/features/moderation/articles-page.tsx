import { useQuery } from '@tanstack/react-query';
import { ErrorState } from '../../components/error-state';
import { Link } from '../../lib/router/link';
import { statusText } from './article-status';
import { moderationQueries } from './moderation-queries';

const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** /moderate/articles: every article with its status, for editors. */
export function ArticlesPage() {
  const list = useQuery(moderationQueries.adminArticleList());
  return (
    <>
      <p>
        <Link to="/moderate/articles/new" className="button">
          New article
        </Link>
      </p>
      {list.isPending ? (
        <p role="status">Loading the articles…</p>
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <table className="audit-table">
          <caption className="visually-hidden">Articles, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Status</th>
              <th scope="col">Date</th>
            </tr>
          </thead>
          <tbody>
            {list.data.articles.map((article) => (
              <tr key={article.id}>
                <td>
                  <Link to={`/moderate/articles/${article.id}`}>{article.title}</Link>
                </td>
                <td>{statusText[article.status]}</td>
                <td>{when(article.publishedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
