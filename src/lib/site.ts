export const siteName = 'The Daily Thread';
export const siteDescription =
  'The Daily Thread: news stories with a comment section worth reading.';

export function pageTitle(title?: string): string {
  return title ? `${title} · ${siteName}` : `${siteName} — news, with comments worth reading`;
}

/**
 * An absolute address on this site. In the browser, the origin the page was served from (so a
 * shared link works wherever the app runs); on the server, its PUBLIC_URL; in the build-time
 * prerender, which has no page, VITE_SITE_URL (where the build will be served).
 */
let serverOrigin = '';

/** Set once by the server that renders pages (its PUBLIC_URL). */
export function setSiteOrigin(origin: string): void {
  serverOrigin = origin;
}

export function siteUrl(path: string): string {
  const origin =
    globalThis.location?.origin ||
    serverOrigin ||
    import.meta.env.VITE_SITE_URL ||
    'http://localhost:4173';
  return new URL(path, origin).href;
}

export function articlePath(slug: string): string {
  return `/articles/${encodeURIComponent(slug)}`;
}
