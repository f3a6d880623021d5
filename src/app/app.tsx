import { useEffect } from 'react';
import { ErrorBoundary } from '../components/error-boundary';
import { ArticleDataContext, type ArticleData } from '../features/article/article-data';
import type { AppHistory } from '../lib/router/history';
import { Router } from '../lib/router/router';
import { ScrollRestoration } from '../lib/router/scroll-restoration';
import { Layout } from './layout';
import { resumeQueuedComments } from './resume-queued-comments';
import { RouteErrorPage } from './route-error-page';
import { Routes } from './routes';

export function App({ history, articleData }: { history: AppHistory; articleData: ArticleData }) {
  useEffect(resumeQueuedComments, []);
  return (
    <ErrorBoundary fallback={() => <RouteErrorPage />}>
      <ArticleDataContext value={articleData}>
        <Router history={history}>
          <Layout>
            <Routes />
          </Layout>
          {history.restoresScroll && <ScrollRestoration />}
        </Router>
      </ArticleDataContext>
    </ErrorBoundary>
  );
}
