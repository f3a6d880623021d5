import type { RouteObject } from 'react-router';
import { FrontPage } from '../features/article/front-page';
import { ArticleRoute } from './article-route';
import { Layout } from './layout';
import { NotFoundPage } from './not-found-page';
import { RouteErrorPage } from './route-error-page';

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Layout />,
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <FrontPage /> },
      { path: 'articles/:slug', element: <ArticleRoute /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
