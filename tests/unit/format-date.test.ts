import { formatDate, formatDateTime, formatDuration, isoDuration } from '../../src/lib/format-date';

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

describe('dates', () => {
  it.each([
    ['2023-04-16T15:05:00Z', 'April 16, 2023 at 3:05 PM UTC'],
    ['2023-04-16T00:07:00Z', 'April 16, 2023 at 12:07 AM UTC'],
    ['2023-04-16T12:00:00Z', 'April 16, 2023 at 12:00 PM UTC'],
    ['2023-12-31T23:59:59Z', 'December 31, 2023 at 11:59 PM UTC'],
  ])('%s reads "%s" on the UTC clock', (iso, shown) => {
    expect(formatDateTime(iso, 'utc')).toBe(shown);
  });

  it('reads the date on the reader’s clock, where the day may differ from UTC’s', () => {
    const zone = process.env.TZ;
    // Node applies a changed TZ at once.
    process.env.TZ = 'America/Los_Angeles';
    onTestFinished(() => {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    });
    expect(formatDate('2023-04-16T03:30:00Z', 'utc')).toBe('April 16, 2023');
    expect(formatDate('2023-04-16T03:30:00Z')).toBe('April 15, 2023');
    expect(formatDateTime('2023-04-16T03:30:00Z')).toBe('April 15, 2023 at 8:30 PM');
  });
});
