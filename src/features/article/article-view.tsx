import './article.css';
import { ShareButton } from '../../components/share-button';
import { LocalDate } from '../../lib/local-date';
import { articlePath, siteUrl } from '../../lib/site';
import { useDocumentHead } from '../../lib/use-document-title';
import { ArticleBody } from './article-body';
import type { Article } from '../../contract/articles';
import { readingMinutes } from './reading-time';

export function ArticleView({ article }: { article: Article }) {
  // The article's own address, without the query or fragment the reader arrived with.
  const url = siteUrl(articlePath(article.slug));
  useDocumentHead({ title: article.headline, description: article.summary, canonical: url });
  return (
    <article className="article" aria-labelledby="article-headline">
      <header className="article__header">
        <h1 id="article-headline" className="article__headline">
          {article.headline}
        </h1>
        <p className="article__meta">
          {article.byline ? <span className="article__byline">{article.byline}</span> : null}
          <span>
            Published <LocalDate iso={article.publishedAt} titleWithTime />
          </span>
          {article.updatedAt ? (
            <span>
              Updated <LocalDate iso={article.updatedAt} withTime titleWithTime />
            </span>
          ) : null}
          <span>{readingMinutes(article.body)} min read</span>
        </p>
        <ShareButton title={article.headline} url={url} />
      </header>
      <ArticleBody blocks={article.body} />
      {article.source ? (
        <footer className="article__footer">
          <p className="article__source">
            <a href={article.source.url} rel="noopener">
              Source link
            </a>
            <span className="article__source-name"> · {article.source.name}</span>
          </p>
        </footer>
      ) : null}
    </article>
  );
}
