// `undefined` as the locale means the reader's own (navigator language in a browser).
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'long',
  timeStyle: 'short',
});

/** The same in a fixed locale and time zone: what a build-time prerender can show. */
export const prerenderDateFormat = {
  date: new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' }),
  dateTime: new Intl.DateTimeFormat('en-US', {
    dateStyle: 'long',
    // timeStyle 'long' names the zone ("UTC"), so the fixed form says which clock it uses.
    timeStyle: 'long',
    timeZone: 'UTC',
  }),
};

export function formatDate(iso: string, formats = { date: dateFormat }): string {
  return formats.date.format(new Date(iso));
}

export function formatDateTime(iso: string, formats = { dateTime: dateTimeFormat }): string {
  return formats.dateTime.format(new Date(iso));
}

/** "01:52" for 112 seconds; hours are added when needed ("1:02:03"). */
export function formatDuration(totalSeconds: number): string {
  const s = Math.round(totalSeconds);
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = s % 60;
  const mmss = `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
  return hours > 0 ? `${hours}:${mmss}` : mmss;
}

/** ISO 8601 duration for <time datetime>: 112 → "PT1M52S". */
export function isoDuration(totalSeconds: number): string {
  const s = Math.round(totalSeconds);
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = s % 60;
  return `PT${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds || s === 0 ? `${seconds}S` : ''}`;
}
