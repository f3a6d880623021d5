import { HttpResponse, passthrough, RequestHandler } from 'msw';
import type { ApiErrorBody } from '../../src/contract/errors';

/** Mock API paths match any origin, so a configured API base still hits the mocks. */
export const apiPath = (path: string) => `*/api${path}`;

export function errorResponse(
  status: number,
  message: string,
  extra: Omit<ApiErrorBody, 'status' | 'message'> = {},
  headers: HeadersInit = {},
) {
  return HttpResponse.json<ApiErrorBody>({ status, message, ...extra }, { status, headers });
}

const apiRequest = /\/api(?:\/|$)/;

/**
 * In a browser, the service worker hands the page every request it makes (scripts, pictures,
 * fonts), not only the API's, and each handler in turn parses what it is shown: the request's
 * cookies, through tough-cookie, and its URL. First in the worker's list, this one lets all but
 * the API's through for the cost of one URL, instead of after thirty handlers had looked at them.
 * Not in the tests' list: there, a request outside the API is an error to see.
 */
class OutsideApiHandler extends RequestHandler {
  constructor() {
    super({ info: { header: 'everything outside /api' }, resolver: () => passthrough() });
  }

  predicate({ request }: { request: Request }): boolean {
    return !apiRequest.test(new URL(request.url).pathname);
  }

  log(): void {}
}

export const outsideApiHandler = new OutsideApiHandler();
