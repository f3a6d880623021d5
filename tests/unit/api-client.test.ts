import { http, HttpResponse } from 'msw';
import { z } from 'zod';
import { server } from '../../mocks/node';
import { apiRequest } from '../../src/lib/api-client';
import { ApiError } from '../../src/lib/api-error';

const schema = z.object({ ok: z.literal(true) });
const url = '*/api/probe';

async function failure(): Promise<ApiError> {
  try {
    await apiRequest('/api/probe', schema);
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

describe('apiRequest', () => {
  it('returns the parsed body when it matches the contract', async () => {
    server.use(http.get(url, () => HttpResponse.json({ ok: true })));
    await expect(apiRequest('/api/probe', schema)).resolves.toEqual({ ok: true });
  });

  it('sends requests beneath a configured API base that carries a path', async () => {
    vi.stubEnv('VITE_API_BASE_URL', 'https://api.example/news');
    try {
      server.use(
        http.get('https://api.example/news/api/probe', () => HttpResponse.json({ ok: true })),
      );
      await expect(apiRequest('/api/probe', schema)).resolves.toEqual({ ok: true });
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('turns a body of the wrong shape into a "malformed" error', async () => {
    server.use(http.get(url, () => HttpResponse.json({ ok: 'yes' })));
    expect(await failure()).toMatchObject({ kind: 'malformed', status: 200 });
  });

  it('turns truncated JSON into a "malformed" error', async () => {
    server.use(
      http.get(
        url,
        () => new HttpResponse('{"ok": tr', { headers: { 'Content-Type': 'application/json' } }),
      ),
    );
    expect(await failure()).toMatchObject({ kind: 'malformed' });
  });

  it('reads the typed error body of an error status, with field errors and Retry-After', async () => {
    server.use(
      http.get(url, () =>
        HttpResponse.json(
          { status: 429, message: 'Slow down.', fieldErrors: { name: 'Too long.' } },
          { status: 429, headers: { 'Retry-After': '7' } },
        ),
      ),
    );
    expect(await failure()).toMatchObject({
      kind: 'http',
      status: 429,
      message: 'Slow down.',
      fieldErrors: { name: 'Too long.' },
      retryAfterSeconds: 7,
    });
  });

  it('keeps the status of an HTML error page', async () => {
    server.use(http.get(url, () => HttpResponse.html('<h1>Bad gateway</h1>', { status: 502 })));
    expect(await failure()).toMatchObject({ kind: 'http', status: 502 });
  });

  it('tells an unreachable server apart from a server error', async () => {
    server.use(http.get(url, () => HttpResponse.error()));
    expect(await failure()).toMatchObject({ kind: 'network', status: 0 });
  });
});
