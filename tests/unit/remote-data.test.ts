import { ApiError } from '../../src/lib/api-error';
import { RemoteStore } from '../../src/lib/remote-data';

/** A fetcher that answers from a script of outcomes, one per call. */
function scripted(outcomes: (string | Error)[]) {
  const calls: string[] = [];
  const fetcher = (key: string) => {
    calls.push(key);
    const next = outcomes.shift();
    return next instanceof Error || next === undefined
      ? Promise.reject(next ?? new Error('no more outcomes'))
      : Promise.resolve(next);
  };
  return { fetcher, calls };
}

const settled = (store: RemoteStore<string>, key: string) =>
  vi.waitFor(() => {
    if (store.get(key).fetching) throw new Error('still fetching');
    return store.get(key);
  });

describe('RemoteStore', () => {
  it('retries a network failure or a 5xx by itself, then shows the data', async () => {
    const { fetcher, calls } = scripted([
      new ApiError('network', 0, 'unreachable'),
      new ApiError('http', 503, 'busy'),
      'the article',
    ]);
    const store = new RemoteStore(fetcher, { retryDelays: [0, 0] });
    store.load('a');
    expect(store.get('a')).toEqual({ status: 'pending', fetching: true });
    expect(await settled(store, 'a')).toEqual({
      status: 'success',
      data: 'the article',
      fetching: false,
    });
    expect(calls).toEqual(['a', 'a', 'a']);
  });

  it('does not retry an answer that will not change (404, unreadable reply)', async () => {
    const notFound = new ApiError('http', 404, 'gone');
    const { fetcher, calls } = scripted([notFound]);
    const store = new RemoteStore(fetcher, { retryDelays: [0, 0] });
    store.load('a');
    expect(await settled(store, 'a')).toEqual({
      status: 'error',
      error: notFound,
      fetching: false,
    });
    expect(calls).toHaveLength(1);
  });

  it('gives up after its retries and keeps what it showed while reloading', async () => {
    const down = new ApiError('http', 500, 'down');
    const { fetcher } = scripted([down, down, 'back']);
    const store = new RemoteStore(fetcher, { retryDelays: [0] });
    store.load('a');
    expect((await settled(store, 'a')).status).toBe('error');

    store.load('a');
    expect(store.get('a')).toEqual({ status: 'error', error: down, fetching: true });
    expect(await settled(store, 'a')).toEqual({ status: 'success', data: 'back', fetching: false });
  });

  it('serves seeded data without fetching, and fetches a key once however often asked', async () => {
    const { fetcher, calls } = scripted(['fetched']);
    const store = new RemoteStore(fetcher);
    store.seed('prerendered', 'from the page');
    expect(store.get('prerendered')).toEqual({
      status: 'success',
      data: 'from the page',
      fetching: false,
    });
    store.load('b');
    store.load('b');
    await settled(store, 'b');
    expect(calls).toEqual(['b']);
  });
});
