/**
 * The build-time prerender (see scripts/prerender.ts): renders the front page and every article
 * to HTML with React's static API, with the data each needs, so a reader sees the story before
 * any JavaScript runs. The browser then hydrates it (src/main.tsx) from the same query data.
 * Data comes from the API like in the browser (at build time: the mock API in msw/node).
 */
import { dehydrate, type QueryClient } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { prerender } from 'react-dom/static';
import { App } from './app/app';
import { createQueryClient } from './app/query-client';
import {
  articleHead,
  articleLeadImage,
  frontPageHead,
  headHtml,
  leadImagePreload,
  scriptJson,
} from './app/page-head';
import { articleQueries } from './features/article/article-queries';
import { apiRequest, apiServer } from './lib/api-client';
import { createMemoryHistory } from './lib/router/history';
import { articlePath } from './lib/site';
import { z } from './lib/zod-mini';

export interface PrerenderedPage {
  /** The address it answers, like /articles/some-slug. */
  path: string;
  /** The app's markup, for inside #root. */
  body: string;
  /** Title, description, canonical, Open Graph, Twitter and JSON-LD tags. */
  head: string;
  /** The query cache to hydrate from, as JSON for <script type="application/json">. */
  state: string;
  /** A preload of the page's largest picture, for the top of <head> (may be empty). */
  preload: string;
}

/** What main.tsx reads back from #app-state. */
export interface PrerenderState {
  path: string;
  queries: ReturnType<typeof dehydrate>;
}

async function renderBody(path: string, queryClient: QueryClient): Promise<string> {
  // prerender (unlike renderToString) waits for every Suspense boundary to resolve.
  const { prelude } = await prerender(
    <StrictMode>
      <App queryClient={queryClient} history={createMemoryHistory(path)} />
    </StrictMode>,
  );
  return new Response(prelude).text();
}

function stateJson(path: string, queryClient: QueryClient): string {
  const state: PrerenderState = { path, queries: dehydrate(queryClient) };
  return scriptJson(state);
}

const commentTotalSchema = z.object({ total: z.int() });

export async function prerenderSite(apiOrigin: string): Promise<PrerenderedPage[]> {
  apiServer.origin = apiOrigin;
  const pages: PrerenderedPage[] = [];

  const home = createQueryClient();
  const list = await home.fetchQuery(articleQueries.list());
  pages.push({
    path: '/',
    body: await renderBody('/', home),
    head: headHtml(frontPageHead(list)),
    state: stateJson('/', home),
    // Sizes as in front-page.tsx for the lead story.
    preload: list.articles[0]
      ? leadImagePreload(list.articles[0].image, '(min-width: 56rem) 36rem, 100vw')
      : '',
  });

  for (const { slug } of list.articles) {
    const path = articlePath(slug);
    const queryClient = createQueryClient();
    const article = await queryClient.fetchQuery(articleQueries.detail(slug));
    // For the JSON-LD commentCount: the count when the page was built.
    const { total } = await apiRequest(
      `/api/articles/${encodeURIComponent(slug)}/comments?limit=1`,
      commentTotalSchema,
    );
    pages.push({
      path,
      body: await renderBody(path, queryClient),
      head: headHtml(articleHead(article, total)),
      state: stateJson(path, queryClient),
      // Sizes as in captioned-figure.tsx and video-card.tsx.
      preload: ((image) =>
        image ? leadImagePreload(image, '(min-width: 56rem) 52rem, 100vw') : '')(
        articleLeadImage(article),
      ),
    });
  }
  return pages;
}
