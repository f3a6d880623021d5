import { keepSendingWhileLeaving } from '../../src/features/comments/keep-sending-while-leaving';
import { ApiError } from '../../src/lib/api-error';

const cutOff = () => new ApiError('network', 0, 'The server could not be reached.');

describe('a comment post cut off by leaving the page', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('fails as usual when the network fails while the reader stays', async () => {
    const send = vi.fn().mockRejectedValue(cutOff());
    await expect(keepSendingWhileLeaving(send)).rejects.toMatchObject({ kind: 'network' });
    expect(send).toHaveBeenCalledTimes(1);
  });

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
});
