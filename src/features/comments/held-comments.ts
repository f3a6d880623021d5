import { localStore } from '../../lib/local-store';

const key = 'comments:held-on';
const keepMs = 30 * 24 * 60 * 60 * 1000;
const isRecord = (value: unknown): value is Record<string, number> =>
  typeof value === 'object' &&
  value !== null &&
  Object.values(value).every((v) => typeof v === 'number');

/**
 * The articles where this browser has a comment held for moderation (for a month). The page's
 * HTML shows page 1 as anyone sees it, without held comments; on those articles the section asks
 * again once hydrated, with this browser's token, so its author still sees theirs.
 */
export const heldComments = {
  remember(slug: string): void {
    const now = Date.now();
    const kept = Object.fromEntries(
      Object.entries(localStore.read(key, isRecord) ?? {}).filter(([, until]) => until > now),
    );
    localStore.write(key, { ...kept, [slug]: now + keepMs });
  },
  has(slug: string): boolean {
    return (localStore.read(key, isRecord)?.[slug] ?? 0) > Date.now();
  },
};
