/**
 * The build-time prerender (see scripts/prerender.ts): renders the front page and every article
 * to HTML with React's static API, with the data each needs, so a reader sees the story before
 * any JavaScript runs. The browser then hydrates it (src/main.tsx) from the same data.
 * Data comes from the API like in the browser (at build time: the mock API in msw/node).
 */
import { StrictMode } from 'react';
import { prerender } from 'react-dom/static';
import { App } from './app/app';
import type { Article, ArticleList } from './contract/articles';
import {
  articleHead,
  articleLeadImage,
  frontPageHead,
  headHtml,
  leadImagePreload,
  notFoundHead,
  scriptJson,
} from './app/page-head';
import { fetchArticle, fetchArticleList } from './features/article/article-api';
import {
  createArticleData,
  seedArticleData,
  type ArticleDataSnapshot,
} from './features/article/article-data';
import { apiRequest, apiServer } from './lib/api-client';
import { createMemoryHistory } from './lib/router/history';
import { articlePath } from './lib/site';
import { z } from './contract/zod-mini';

/** One page as HTML pieces for the template (server/pages/page-template.ts fills them in). */
export interface PrerenderedPage {
  /** The address it answers, like /articles/some-slug. */
  path: string;
  /** The app's markup, for inside #root. */
  body: string;
  /** Title, description, canonical, Open Graph, Twitter and JSON-LD tags. */
  head: string;
  /** The data to hydrate from, as JSON for <script type="application/json">. */
  state: string;
  /** A preload of the page's largest picture, for the top of <head> (may be empty). */
  preload: string;
}

/** What main.tsx reads back from #app-state. */
export interface PrerenderState {
  path: string;
  data: ArticleDataSnapshot;
}

async function renderBody(path: string, data: ArticleDataSnapshot): Promise<string> {
  const articleData = createArticleData();
  seedArticleData(articleData, data);
  // prerender (unlike renderToString) waits for every Suspense boundary to resolve.
  const { prelude } = await prerender(
    <StrictMode>
      <App history={createMemoryHistory(path)} articleData={articleData} />
    </StrictMode>,
  );
  return new Response(prelude).text();
}

function stateJson(path: string, data: ArticleDataSnapshot): string {
  const state: PrerenderState = { path, data };
  return scriptJson(state);
}

const commentTotalSchema = z.object({ total: z.int() });

/** Where the site is served, for canonical links, Open Graph and JSON-LD (the server's PUBLIC_URL). */
export { setSiteOrigin } from './lib/site';

/** The front page, from its list of stories. */
export async function renderFrontPage(list: ArticleList): Promise<PrerenderedPage> {
  return {
    path: '/',
    body: await renderBody('/', { list }),
    head: headHtml(frontPageHead(list)),
    state: stateJson('/', { list }),
    // Sizes as in front-page.tsx for the lead story.
    preload: list.articles[0]
      ? leadImagePreload(list.articles[0].image, '(min-width: 56rem) 36rem, 100vw')
      : '',
  };
}

/** An article's page; commentCount goes into its JSON-LD. */
export async function renderArticlePage(
  article: Article,
  commentCount: number,
): Promise<PrerenderedPage> {
  const path = articlePath(article.slug);
  const lead = articleLeadImage(article);
  return {
    path,
    body: await renderBody(path, { article }),
    head: headHtml(articleHead(article, commentCount)),
    state: stateJson(path, { article }),
    // Sizes as in captioned-figure.tsx and video-card.tsx.
    preload: lead ? leadImagePreload(lead, '(min-width: 56rem) 52rem, 100vw') : '',
  };
}

/** The not-found page for any address the site does not have. */
export async function renderNotFoundPage(path: string): Promise<PrerenderedPage> {
  return {
    path,
    // Rendered at an address no route has, whatever was asked for: an unknown article's address
    // would make the article route try to fetch it.
    body: await renderBody('/404', {}),
    head: headHtml(notFoundHead()),
    // No state: the client renders this page afresh (and says not found, as here).
    state: stateJson('', {}),
    preload: '',
  };
}

export async function prerenderSite(apiOrigin: string): Promise<PrerenderedPage[]> {
  apiServer.origin = apiOrigin;
  const list = await fetchArticleList();
  const pages = [await renderFrontPage(list)];
  for (const { slug } of list.articles) {
    const article = await fetchArticle(slug);
    // For the JSON-LD commentCount: the count when the page was built.
    const { total } = await apiRequest(
      `/api/articles/${encodeURIComponent(slug)}/comments?limit=1`,
      commentTotalSchema,
    );
    pages.push(await renderArticlePage(article, total));
  }
  return pages;
}
