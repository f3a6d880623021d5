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
import { articlePath, pageTitle, siteDescription, siteUrl } from './lib/site';
import { commentPageSchema, type CommentFormEcho, type CommentPage } from './contract/comments';
import type { InitialComments } from './app/initial-comments';

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
  /** Page 1 of the article's comments, rendered into the page. */
  comments?: InitialComments;
}

async function renderBody(
  path: string,
  data: ArticleDataSnapshot,
  comments: InitialComments | null = null,
): Promise<string> {
  const articleData = createArticleData();
  seedArticleData(articleData, data);
  // prerender (unlike renderToString) waits for every Suspense boundary to resolve, the lazy
  // comment section's included.
  const { prelude } = await prerender(
    <StrictMode>
      <App
        history={createMemoryHistory(path)}
        articleData={articleData}
        initialComments={comments}
      />
    </StrictMode>,
    // Every boundary in place, never "outlined" (sent after the shell with an inline script to
    // move it in): the CSP allows no such script, and the page must read the same without any.
    { progressiveChunkSize: Number.POSITIVE_INFINITY },
  );
  return new Response(prelude).text();
}

function stateJson(path: string, data: ArticleDataSnapshot, comments?: InitialComments): string {
  const state: PrerenderState = comments ? { path, data, comments } : { path, data };
  return scriptJson(state);
}

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
    preload: list.articles[0]?.image
      ? leadImagePreload(list.articles[0].image, '(min-width: 56rem) 36rem, 100vw')
      : '',
  };
}

/**
 * An article's page; commentCount goes into its JSON-LD. With `comments` (page 1, oldest first,
 * as any reader may see it), those are in the page too: readable without JavaScript, in the
 * JSON-LD, and in the page's data, so the section hydrates without asking for them again.
 */
export async function renderArticlePage(
  article: Article,
  commentCount: number,
  comments?: CommentPage,
  echo?: CommentFormEcho,
): Promise<PrerenderedPage> {
  const path = articlePath(article.slug);
  const lead = articleLeadImage(article);
  const initial: InitialComments | undefined = comments
    ? { slug: article.slug, order: 'oldest', page: comments, ...(echo ? { echo } : {}) }
    : undefined;
  return {
    path,
    body: await renderBody(path, { article }, initial),
    head: headHtml(articleHead(article, commentCount, comments?.comments)),
    state: stateJson(path, { article }, initial),
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

/**
 * The moderation screens' page (/moderate and under it), for the server to answer with 200:
 * the app's shell saying it is checking the session (the screens render in the browser, where
 * the session cookie is), kept out of search engines. No state: the client renders it afresh.
 */
export async function renderModerationPage(path: string): Promise<PrerenderedPage> {
  return {
    path,
    body: await renderBody(path, {}),
    head: `<meta name="robots" content="noindex, nofollow" />${headHtml({
      title: pageTitle('Moderation'),
      description: siteDescription,
      canonical: siteUrl('/moderate'),
      type: 'website',
      jsonLd: { '@context': 'https://schema.org', '@type': 'WebPage', name: 'Moderation' },
    })}`,
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
    // Page 1 as the mock has it at build time (a browser's own mock database may have more:
    // the section's check for new comments offers those), of the owner's page size.
    const comments = await apiRequest(
      `/api/articles/${encodeURIComponent(slug)}/comments?order=oldest`,
      commentPageSchema,
    );
    pages.push(await renderArticlePage(article, comments.total, comments));
  }
  return pages;
}
