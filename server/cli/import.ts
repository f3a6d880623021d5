/**
 * `npm run import -- <wxr|disqus|feed|markdown> <file|url|folder> [--dry-run]`: a site's
 * history from WordPress, Disqus, a feed or Markdown files, into the configured database, in
 * one transaction.
 */
import { parseArgs } from 'node:util';
import { applyImport, type ImportKind } from '../import/apply-import';
import { formatReport, importKinds, importRecords } from '../import/run-import';
import { CliError, cliSettings, describeDatabase, openCliDatabase, runCli } from './cli-database';

const usage = `Usage: npm run import -- <wxr|disqus|feed|markdown> <file|url|folder> [--dry-run]

Imports articles and comments into the database the server uses, all in one transaction:
a malformed file (the error names the line) or any failure leaves the database as it was.
Running it again changes nothing and says so; a changed source updates what changed.

  wxr        a WordPress export (Tools → Export): published posts become articles, their
             comments come along with their threads and statuses (pingbacks are skipped)
  disqus     a Disqus XML export: comments go to the articles their threads link to
             (by the article's Source link, or by slug): import the articles first
  feed       an RSS or Atom feed, a file or an http(s) URL: each item becomes an article
             whose Source link is the item's link
  markdown   a folder of .md files with front matter (title, date, slug, description, ...)

  -n, --dry-run   read everything and report what would change, writing nothing
  -h, --help      this text

The database: DATABASE_URL for PostgreSQL, otherwise the embedded one in DATA_DIR (default
./data). Stop a server running on the embedded database first.
`;

await runCli(usage, async () => {
  const { values, positionals } = parseArgs({
    options: { 'dry-run': { type: 'boolean', short: 'n' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  if (values.help) {
    process.stdout.write(usage);
    return;
  }
  const [kind, source, ...extra] = positionals;
  if (!kind || !source || extra.length > 0)
    throw new CliError(`Name a kind and one source.\n\n${usage}`);
  if (!importKinds.includes(kind as ImportKind)) {
    throw new CliError(
      `"${kind}" is not a kind of import: use one of ${importKinds.join(', ')}.\n\n${usage}`,
    );
  }
  const env = cliSettings();
  const handle = await openCliDatabase(env, { existing: false });
  const tty = process.stderr.isTTY;
  const report = await applyImport(
    handle.db,
    kind as ImportKind,
    importRecords(kind as ImportKind, source),
    {
      dryRun: values['dry-run'] ?? false,
      // A progress line only where someone watches it: not in a log or a pipe.
      onProgress: tty
        ? (n) => process.stderr.write(`\r  read ${n.toLocaleString('en')} records…`)
        : undefined,
    },
  ).finally(() => handle.close());
  if (tty) process.stderr.write('\r\x1b[K');
  process.stdout.write(formatReport(report, describeDatabase(env)));
});
