import { startTransition, StrictMode } from 'react';
import { App } from './app/app';
import type { PrerenderState } from './entry-server';
import { createArticleData, seedArticleData } from './features/article/article-data';
import { holdRequestsUntil } from './lib/api-client';
import { createBrowserHistory } from './lib/router/history';
import { yieldToMain } from './lib/yield-to-main';
import './styles/global.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

if (import.meta.env.VITE_API_MOCKING === 'on') {
  // The worker starts with the first request, not before: the prerendered page needs none to
  // show and hydrate. Dynamic import: the mock layer never reaches a build without mocking.
  holdRequestsUntil(() =>
    import('../mocks/load-mock-api').then(({ loadMockApi }) => loadMockApi()),
  );
}

/** The prerendered page's data, if this HTML was prerendered for this very address. */
function prerenderedState(): PrerenderState | null {
  const text = document.getElementById('app-state')?.textContent;
  if (!text) return null;
  try {
    const state = JSON.parse(text) as PrerenderState;
    const here = window.location.pathname.replace(/(.)\/$/, '$1');
    // A static host answers unknown addresses with the front page's HTML: render those afresh.
    return state.path === here ? state : null;
  } catch {
    return null;
  }
}

const articleData = createArticleData();
const state = prerenderedState();
const app = (
  <StrictMode>
    <App
      history={createBrowserHistory()}
      articleData={articleData}
      initialComments={state?.comments ?? null}
    />
  </StrictMode>
);
if (state) {
  // The data the HTML was rendered from (the build parsed it with the contract's schemas), so
  // hydration renders the same and fetches nothing.
  seedArticleData(articleData, state.data);
}

/**
 * React's DOM renderer, 200 KB of the page's 260, is evaluated after a yield, in a task of its
 * own: on a phone (a 4× slowed CPU) it and the app were one task of 70–170 ms, most of the page's
 * Total Blocking Time. Its chunk is fetched with this one (vite.config.ts preloads it). Then one
 * more yield before the root is created (with its listeners for every event): that was a fifth
 * of the renderer's task. Should the chunk fail to load, the page stays as the server rendered
 * it, which works without JavaScript.
 */
async function render(container: Element): Promise<void> {
  await yieldToMain();
  const { createRoot, hydrateRoot } = await import('react-dom/client');
  await yieldToMain();
  if (state) {
    // As a transition, hydration yields to the browser every few milliseconds instead of holding
    // the main thread for the whole page: the reader can scroll and tap the prerendered page while
    // it hydrates (Total Blocking Time).
    startTransition(() => {
      hydrateRoot(container, app);
    });
  } else {
    container.replaceChildren();
    createRoot(container).render(app);
  }
}
void render(container);
