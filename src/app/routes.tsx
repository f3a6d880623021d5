import { FrontPage } from '../features/article/front-page';
import { useLocation } from '../lib/router/router-context';
import { ArticleRoute } from './article-route';
import { ModerationRoute } from './moderation-route';
import { NotFoundPage } from './not-found-page';

const articlePattern = /^\/articles\/([^/]+)\/?$/;
/**
 * The moderation screens: /moderate and the pages under it (/moderate/settings, …, and
 * /moderate/articles/new or /moderate/articles/12 for an article).
 */
const moderationPattern = /^\/moderate(\/[a-z-]*(?:\/[a-z0-9-]+)?)?\/?$/;

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null; // A malformed %-escape: no such page.
  }
}

/** The page for the current address: the front page, an article, or "not found". */
export function Routes() {
  const { pathname } = useLocation();
  if (pathname === '/') return <FrontPage />;
  const moderation = moderationPattern.exec(pathname);
  if (moderation) return <ModerationRoute path={moderation[1] ?? '/'} />;
  const segment = articlePattern.exec(pathname)?.[1];
  const slug = segment === undefined ? null : decode(segment);
  if (slug !== null) return <ArticleRoute key={slug} slug={slug} />;
  return <NotFoundPage />;
}
