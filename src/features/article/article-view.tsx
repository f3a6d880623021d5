import './article.css';
import { formatDate, formatDateTime } from '../../lib/format-date';
import { ShareButton } from '../../components/share-button';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ArticleBody } from './article-body';
import type { Article } from './article-schemas';
import { readingMinutes } from './reading-time';

/** The article's own address, without the query or fragment the reader arrived with. */
function canonicalUrl(slug: string): string {
  return new URL(`/articles/${encodeURIComponent(slug)}`, window.location.origin).href;
}

export function ArticleView({ article }: { article: Article }) {
  useDocumentTitle(article.headline);
  const url = canonicalUrl(article.slug);
  return (
    <article className="article" aria-labelledby="article-headline">
      {/* React puts this in <head>, and takes it away with the article. */}
      <link rel="canonical" href={url} />
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
          <span>{readingMinutes(article.body)} min read</span>
        </p>
        <ShareButton title={article.headline} url={url} />
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
