import { fileBytes, urlBytes } from './byte-source';
import { readDisqus } from './disqus';
import { readFeed } from './feed';
import type { ImportKind, ImportReport } from './apply-import';
import type { ImportRecord } from './import-records';
import { readMarkdownFolder } from './markdown';
import { readWxr } from './wxr';

export const importKinds: readonly ImportKind[] = ['wxr', 'disqus', 'feed', 'markdown'];

/** The records of a file, a feed's URL or (Markdown) a folder, read as they stream. */
export function importRecords(kind: ImportKind, source: string): AsyncIterable<ImportRecord> {
  const isUrl = /^https?:\/\//i.test(source);
  const bytes = () => (isUrl ? urlBytes(source) : fileBytes(source));
  const name = isUrl ? source : (source.split('/').at(-1) ?? source);
  switch (kind) {
    case 'wxr':
      return readWxr(bytes(), name);
    case 'disqus':
      return readDisqus(bytes(), name);
    case 'feed':
      return readFeed(bytes(), name, isUrl ? source : undefined);
    case 'markdown':
      return readMarkdownFolder(source);
  }
}

/** The report as the CLI prints it. */
export function formatReport(report: ImportReport, where: string): string {
  const line = (what: string, c: ImportReport['articles']) =>
    `  ${what}: ${c.added} added, ${c.updated} updated, ${c.unchanged} unchanged\n`;
  const changed =
    report.articles.added +
      report.articles.updated +
      report.comments.added +
      report.comments.updated >
    0;
  let text = report.dryRun
    ? `Dry run: nothing was written to ${where}. The import would give:\n`
    : changed
      ? `Imported into ${where}:\n`
      : `Nothing changed in ${where}: everything in the import is there already.\n`;
  text += line('articles', report.articles) + line('comments', report.comments);
  const list = (title: string, map: Map<string, number>) => {
    if (map.size === 0) return '';
    const total = [...map.values()].reduce((a, b) => a + b, 0);
    return (
      `  ${title} (${total}):\n` +
      [...map]
        .sort((a, b) => b[1] - a[1])
        .map(([reason, n]) => `    ${String(n).padStart(5)} × ${reason}\n`)
        .join('')
    );
  };
  text += list('skipped', report.skipped);
  text += list('imported with a change', report.notes);
  return text;
}
