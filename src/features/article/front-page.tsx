import './article.css';
import { ErrorState } from '../../components/error-state';
import { LocalDate } from '../../lib/local-date';
import { Link } from '../../lib/router/link';
import { siteUrl } from '../../lib/site';
import { useDocumentHead } from '../../lib/use-document-title';
import { useArticleList } from './article-data';
import type { ArticleSummary } from '../../contract/articles';
import { ResponsiveImage } from './responsive-image';

function StoryItem({ story, lead }: { story: ArticleSummary; lead: boolean }) {
  const headingId = `story-${story.slug}`;
  return (
    <li className={lead ? 'story story--lead' : 'story'}>
      <article aria-labelledby={headingId}>
        {story.image ? (
          <ResponsiveImage
            image={story.image}
            sizes={lead ? '(min-width: 56rem) 36rem, 100vw' : '(min-width: 56rem) 14rem, 100vw'}
            className="story__image"
            priority={lead ? 'high' : 'auto'}
          />
        ) : null}
        <div className="story__text">
          <h2 id={headingId} className="story__headline">
            <Link to={`/articles/${story.slug}`}>{story.headline}</Link>
          </h2>
          <p className="story__summary">{story.summary}</p>
          <p className="story__meta">
            <LocalDate iso={story.publishedAt} />
          </p>
        </div>
      </article>
    </li>
  );
}

export function FrontPage() {
  useDocumentHead({ canonical: siteUrl('/') });
  const query = useArticleList();
  return (
    <section className="front-page" aria-labelledby="front-page-heading">
      <h1 id="front-page-heading" className="front-page__heading">
        Latest stories
      </h1>
      {query.status === 'pending' ? (
        <p role="status" className="front-page__loading">
          Loading stories…
        </p>
      ) : query.status === 'error' ? (
        <ErrorState error={query.error} onRetry={query.reload} retrying={query.fetching} />
      ) : query.data.articles.length === 0 ? (
        <p className="front-page__empty">No stories yet. Check back soon.</p>
      ) : (
        <ol className="story-list">
          {query.data.articles.map((story, index) => (
            <StoryItem key={story.slug} story={story} lead={index === 0} />
          ))}
        </ol>
      )}
    </section>
  );
}
