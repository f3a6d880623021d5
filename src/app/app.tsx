import { useEffect } from 'react';
import { ErrorBoundary } from '../components/error-boundary';
import { ArticleDataContext, type ArticleData } from '../features/article/article-data';
import type { AppHistory } from '../lib/router/history';
import { Router } from '../lib/router/router';
import { ScrollRestoration } from '../lib/router/scroll-restoration';
import { InitialCommentsContext, type InitialComments } from './initial-comments';
import { Layout } from './layout';
import { resumeQueuedComments } from './resume-queued-comments';
import { RouteErrorPage } from './route-error-page';
import { Routes } from './routes';

export function App({
  history,
  articleData,
  initialComments = null,
}: {
  history: AppHistory;
  articleData: ArticleData;
  /** Page 1 of the article's comments, when the server rendered them into the page. */
  initialComments?: InitialComments | null;
}) {
  useEffect(resumeQueuedComments, []);
  return (
    <ErrorBoundary fallback={() => <RouteErrorPage />}>
      <ArticleDataContext value={articleData}>
        <InitialCommentsContext value={initialComments}>
          <Router history={history}>
            <Layout>
              <Routes />
            </Layout>
            {history.restoresScroll && <ScrollRestoration />}
          </Router>
        </InitialCommentsContext>
      </ArticleDataContext>
    </ErrorBoundary>
  );
}
