import type { RouteObject } from 'react-router';
import { ArticlePage } from '../features/article/article-page';
import { FrontPage } from '../features/article/front-page';
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
      { path: 'articles/:slug', element: <ArticlePage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
