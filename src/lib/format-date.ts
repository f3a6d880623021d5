// Dates are written in English, as the rest of the page is, by hand rather than with Intl: a
// page's first Intl formatter costs 20–30 ms on this machine (110 ms on a 4× slowed CPU) while
// the browser loads its locale data, one long task of the page's start on a phone.
const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/**
 * Whose clock a date is read on: the reader's, or UTC, which is all a server's or a build's HTML
 * can know (that form says "UTC", so the reader knows which clock it is).
 */
export type DateClock = 'local' | 'utc';

function fields(iso: string, clock: DateClock) {
  const date = new Date(iso);
  return clock === 'utc'
    ? {
        year: date.getUTCFullYear(),
        month: date.getUTCMonth(),
        day: date.getUTCDate(),
        hours: date.getUTCHours(),
        minutes: date.getUTCMinutes(),
      }
    : {
        year: date.getFullYear(),
        month: date.getMonth(),
        day: date.getDate(),
        hours: date.getHours(),
        minutes: date.getMinutes(),
      };
}

/** "April 16, 2023". */
export function formatDate(iso: string, clock: DateClock = 'local'): string {
  const { year, month, day } = fields(iso, clock);
  return `${months[month]} ${day}, ${year}`;
}

/** "April 16, 2023 at 3:05 PM", or "April 16, 2023 at 3:05 PM UTC" on the UTC clock. */
export function formatDateTime(iso: string, clock: DateClock = 'local'): string {
  const { year, month, day, hours, minutes } = fields(iso, clock);
  const time = `${hours % 12 || 12}:${String(minutes).padStart(2, '0')} ${hours < 12 ? 'AM' : 'PM'}`;
  return `${months[month]} ${day}, ${year} at ${time}${clock === 'utc' ? ' UTC' : ''}`;
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
