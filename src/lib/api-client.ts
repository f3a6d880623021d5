import { ApiError, isApiError } from './api-error';
import { safeParse, type ParsingSchema } from './schema';

/**
 * A schema, or a way to load one: the article page passes its schemas as lazy imports, so zod
 * loads (in parallel with the request) only when there is something to parse.
 */
export type SchemaSource<T> = ParsingSchema<T> | (() => Promise<ParsingSchema<T>>);

const errorBodySchema = () => import('../contract/errors').then((m) => m.apiErrorBodySchema);

/**
 * Requests wait for this before going out. With the mock API on, main.tsx has it start the
 * service worker, on the first request (a prerendered page may make none): a request sent before
 * the worker is ready would reach the static server instead and fail.
 */
let ready: () => Promise<unknown> = () => Promise.resolve();
export function holdRequestsUntil(start: () => Promise<unknown>): void {
  let started: Promise<unknown> | undefined;
  ready = () => (started ??= start());
}

/** Where requests go when rendering outside a browser (the build-time prerender). */
export const apiServer = { origin: '' };

function apiUrl(path: string): string {
  // A configured base points at a real backend; otherwise the app talks to its own origin
  // (where the MSW worker answers in dev and demo builds).
  const base = import.meta.env.VITE_API_BASE_URL || apiServer.origin || globalThis.location?.origin;
  if (!base)
    throw new Error('No API base URL: set VITE_API_BASE_URL when rendering outside a browser.');
  // A base may carry a path (an API mounted under /news/): the request's path goes beneath it.
  const root = base.endsWith('/') ? base : `${base}/`;
  return new URL(path.replace(/^\//, ''), root).toString();
}

function parseRetryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

type JsonBody = { ok: true; value: unknown } | { ok: false; error: unknown };

async function readJson(response: Response): Promise<JsonBody> {
  const text = await response.text();
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    // An HTML error page, or JSON cut off mid-way.
    return { ok: false, error };
  }
}

async function toHttpError(response: Response): Promise<ApiError> {
  const json = await readJson(response);
  const body = safeParse(await errorBodySchema(), json.ok ? json.value : undefined);
  const retryAfterSeconds =
    parseRetryAfter(response.headers.get('Retry-After')) ??
    (body.success ? body.data.retryAfterSeconds : undefined);
  return new ApiError(
    'http',
    response.status,
    body.success ? body.data.message : `The server answered ${response.status}.`,
    { fieldErrors: body.success ? body.data.fieldErrors : undefined, retryAfterSeconds },
  );
}

/**
 * How long a request may take, reply body included, before it counts as a network failure: a
 * stalled connection would otherwise keep "Posting…" (or a loading state) up for good. Posts
 * get longer, as a slow server may still be storing them (resending is safe: client ids).
 */
export const requestTimeoutMs = { read: 10_000, write: 15_000 };

/**
 * Fetches a JSON endpoint and parses the reply with the contract's schema, so that
 * every failure (unreachable server, error status, wrong shape, no answer in time) becomes a
 * typed ApiError.
 */
export async function apiRequest<T>(
  path: string,
  source: SchemaSource<T>,
  init: RequestInit = {},
): Promise<T> {
  const schema = typeof source === 'function' ? source() : Promise.resolve(source);
  // Unobserved until the reply is in: a failed load is reported then, not as an unhandled error.
  schema.catch(() => undefined);
  const controller = new AbortController();
  const abort = () => controller.abort();
  if (init.signal?.aborted) abort();
  init.signal?.addEventListener('abort', abort);
  let timedOut = false;
  const timeoutMs =
    (init.method ?? 'GET') === 'GET' ? requestTimeoutMs.read : requestTimeoutMs.write;
  const timer = setTimeout(() => {
    timedOut = true;
    abort();
  }, timeoutMs);
  try {
    return await requestJson(path, schema, { ...init, signal: controller.signal }, () => timedOut);
  } catch (error) {
    if (isApiError(error) || !timedOut) throw error;
    throw new ApiError('network', 0, 'The server took too long to answer.', { cause: error });
  } finally {
    clearTimeout(timer);
    init.signal?.removeEventListener('abort', abort);
  }
}

async function requestJson<T>(
  path: string,
  schema: Promise<ParsingSchema<T>>,
  init: RequestInit & { signal: AbortSignal },
  timedOut: () => boolean,
): Promise<T> {
  let response: Response;
  try {
    await ready();
    response = await fetch(apiUrl(path), {
      ...init,
      headers: { Accept: 'application/json', ...init.headers },
    });
  } catch (cause) {
    // Cancelled by the caller (a query no longer wanted): not a failure to report.
    if (init.signal.aborted && !timedOut()) throw cause;
    throw new ApiError('network', 0, 'The server could not be reached.', { cause });
  }
  if (!response.ok) throw await toHttpError(response);

  // 204 No Content has no body to read; the schema says whether that is what was expected.
  const json: JsonBody =
    response.status === 204 ? { ok: true, value: undefined } : await readJson(response);
  const parsed = json.ok ? safeParse(await schema, json.value) : null;
  if (!parsed?.success) {
    const cause = parsed ? parsed.issues : json.ok ? undefined : json.error;
    // Logged once, here, with the cause, so a developer can see what the server got wrong.
    console.error(`Unreadable reply from ${path}:`, cause);
    throw new ApiError(
      'malformed',
      response.status,
      'The server sent a reply this page cannot read.',
      {
        cause,
      },
    );
  }
  return parsed.data;
}
