import type * as ApiErrors from '../../src/lib/api-error';
import type * as KeepSending from '../../src/features/comments/keep-sending-while-leaving';

// The module remembers when the page began to unload: each test gets a fresh copy, as a new
// page would, so no test depends on running before another one has fired `beforeunload`.
// (ApiError comes fresh with it: the module recognises its errors with instanceof.)
let keepSendingWhileLeaving!: typeof KeepSending.keepSendingWhileLeaving;
let ApiError!: typeof ApiErrors.ApiError;
const cutOff = () => new ApiError('network', 0, 'The server could not be reached.');

describe('a comment post cut off by leaving the page', () => {
  beforeEach(async () => {
    vi.useFakeTimers();
    vi.resetModules();
    ({ keepSendingWhileLeaving } =
      await import('../../src/features/comments/keep-sending-while-leaving'));
    ({ ApiError } = await import('../../src/lib/api-error'));
  });
  afterEach(() => vi.useRealTimers());

  it('stays pending when cut off while leaving, and is sent again if the reader stays', async () => {
    const send = vi.fn().mockRejectedValueOnce(cutOff()).mockResolvedValueOnce('posted');
    window.dispatchEvent(new Event('beforeunload'));
    const result = keepSendingWhileLeaving(send);
    let settled = false;
    void result.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toBe('posted');
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('still reports what the server said (a refusal is not a cut-off)', async () => {
    window.dispatchEvent(new Event('beforeunload'));
    const send = vi.fn().mockRejectedValue(new ApiError('http', 409, 'Duplicate comment'));
    await expect(keepSendingWhileLeaving(send)).rejects.toMatchObject({ status: 409 });
  });

  // After the tests that fire `beforeunload`: it passes only if it starts clean.
  it('fails as usual when the network fails while the reader stays', async () => {
    const send = vi.fn().mockRejectedValue(cutOff());
    await expect(keepSendingWhileLeaving(send)).rejects.toMatchObject({ kind: 'network' });
    expect(send).toHaveBeenCalledTimes(1);
  });
});
