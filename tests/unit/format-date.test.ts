import { formatDuration, isoDuration } from '../../src/lib/format-date';

describe('durations', () => {
  it.each([
    [112, '01:52', 'PT1M52S'],
    [5, '00:05', 'PT5S'],
    [60, '01:00', 'PT1M'],
    [3723, '1:02:03', 'PT1H2M3S'],
    [0, '00:00', 'PT0S'],
  ])('%i seconds reads %s and is %s', (seconds, shown, iso) => {
    expect(formatDuration(seconds)).toBe(shown);
    expect(isoDuration(seconds)).toBe(iso);
  });
});
