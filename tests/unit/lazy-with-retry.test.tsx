import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Suspense, type ComponentType } from 'react';
import { ErrorBoundary } from '../../src/components/error-boundary';
import { SectionError } from '../../src/components/section-error';
import { lazyWithRetry } from '../../src/lib/lazy-with-retry';

const Comments = () => <p>The comments</p>;
const chunkError = () => new TypeError('Failed to fetch dynamically imported module');

function renderLazy(Lazy: ComponentType) {
  return render(
    <ErrorBoundary fallback={(reset) => <SectionError what="comments" onRetry={reset} />}>
      <Suspense fallback={<p>Loading…</p>}>
        <Lazy />
      </Suspense>
    </ErrorBoundary>,
  );
}

beforeEach(() => sessionStorage.clear());
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('a lazily loaded part of the page whose chunk fails to load', () => {
  it('tries the import again after a network blip', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const load = vi.fn<() => Promise<ComponentType>>();
    load.mockRejectedValueOnce(chunkError()).mockResolvedValue(Comments);
    renderLazy(lazyWithRetry(load, { reload: vi.fn() }));
    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(await screen.findByText('The comments')).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('loads it again on “Try again” instead of rethrowing the first error', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const load = vi.fn<() => Promise<ComponentType>>();
    load.mockRejectedValueOnce(chunkError()).mockResolvedValue(Comments);
    const reload = vi.fn();
    // Already reloaded once in this visit: no second reload, the reader is asked.
    sessionStorage.setItem('app:reloaded-for-missing-chunk', '1');
    renderLazy(lazyWithRetry(load, { retryDelaysMs: [], reload }));
    await screen.findByText('The comments couldn’t be shown');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('The comments')).toBeInTheDocument();
    expect(reload).not.toHaveBeenCalled();
  });

  it('reloads the page once when the chunk is still missing (a deploy replaced it)', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const load = vi.fn<() => Promise<ComponentType>>().mockRejectedValue(chunkError());
    const reload = vi.fn();
    const first = renderLazy(lazyWithRetry(load, { retryDelaysMs: [], reload }));
    await vi.waitFor(() => expect(reload).toHaveBeenCalledTimes(1));
    expect(screen.getByText('Loading…')).toBeInTheDocument();
    first.unmount();

    // After the reload the chunk is still missing: no loop of reloads, the error shows.
    renderLazy(lazyWithRetry(load, { retryDelaysMs: [], reload }));
    await screen.findByText('The comments couldn’t be shown');
    expect(reload).toHaveBeenCalledTimes(1);
  });
});
