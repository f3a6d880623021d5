import { Link } from '../lib/router/link';
import { useDocumentTitle } from '../lib/use-document-title';

export function NotFoundPage({ what = 'page' }: { what?: 'page' | 'article' }) {
  useDocumentTitle(`${what === 'article' ? 'Article' : 'Page'} not found`);
  return (
    <section className="notice-page" aria-labelledby="not-found-heading">
      <h1 id="not-found-heading">{what === 'article' ? 'Article not found' : 'Page not found'}</h1>
      <p>
        We couldn’t find {what === 'article' ? 'an article' : 'a page'} at this address. It may have
        moved, or the link may be mistyped.
      </p>
      <p>
        <Link to="/">Go to the front page</Link>
      </p>
    </section>
  );
}
