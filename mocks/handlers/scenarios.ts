import { delay, http, HttpResponse } from 'msw';
import { getMockScenario, mockLatency } from '../scenario';
import { apiPath, errorResponse } from './http';

const slowMs = 3000;

function isCommentPost(request: Request) {
  return (
    request.method === 'POST' &&
    /\/api\/articles\/[^/]+\/comments$/.test(new URL(request.url).pathname)
  );
}

/**
 * Runs before the real handlers: adds latency and, in a misbehaving scenario, answers in its
 * place. Returning nothing lets the request through to the real handlers.
 */
export const scenarioHandlers = [
  http.all(apiPath('/*'), async ({ request }) => {
    const scenario = getMockScenario();
    const latency = scenario === 'slow' ? slowMs : mockLatency.ms;
    if (latency > 0) await delay(latency);

    const path = new URL(request.url).pathname;
    switch (scenario) {
      case 'offline':
        return HttpResponse.error();
      case 'malformed':
        return HttpResponse.json({ unexpected: 'This body does not follow the contract.' });
      case 'error':
        return isCommentPost(request)
          ? errorResponse(500, 'The comment service failed (mock scenario "error").')
          : undefined;
      case 'rate-limit':
        return isCommentPost(request)
          ? errorResponse(
              429,
              'You are posting comments too quickly. Slow down.',
              { retryAfterSeconds: 5 },
              { 'Retry-After': '5' },
            )
          : undefined;
      case 'empty':
        if (path.endsWith('/api/articles')) return HttpResponse.json({ articles: [] });
        if (request.method === 'GET' && path.endsWith('/comments')) {
          return HttpResponse.json({ comments: [], total: 0, nextCursor: null });
        }
        return errorResponse(404, 'No article has that address.');
      case 'slow':
      case 'default':
        return undefined;
    }
  }),
];
