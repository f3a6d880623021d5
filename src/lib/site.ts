export const siteName = 'The Daily Thread';

export function pageTitle(title?: string): string {
  return title ? `${title} · ${siteName}` : `${siteName} — news, with comments worth reading`;
}
