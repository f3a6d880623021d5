import './article.css';
import { formatDate, formatDateTime } from '../../lib/format-date';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ArticleBody } from './article-body';
import type { Article } from './article-schemas';

export function ArticleView({ article }: { article: Article }) {
  useDocumentTitle(article.headline);
  return (
    <article className="article" aria-labelledby="article-headline">
      <header className="article__header">
        <h1 id="article-headline" className="article__headline">
          {article.headline}
        </h1>
        <p className="article__meta">
          {article.byline ? <span className="article__byline">{article.byline}</span> : null}
          <span>
            Published{' '}
            <time dateTime={article.publishedAt} title={formatDateTime(article.publishedAt)}>
              {formatDate(article.publishedAt)}
            </time>
          </span>
          {article.updatedAt ? (
            <span>
              Updated{' '}
              <time dateTime={article.updatedAt} title={formatDateTime(article.updatedAt)}>
                {formatDateTime(article.updatedAt)}
              </time>
            </span>
          ) : null}
        </p>
      </header>
      <ArticleBody blocks={article.body} />
      <footer className="article__footer">
        <p className="article__source">
          <a href={article.source.url} rel="noopener">
            Source link
          </a>
          <span className="article__source-name"> · {article.source.name}</span>
        </p>
      </footer>
    </article>
  );
}
