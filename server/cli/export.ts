/**
 * `npm run export -- <wxr|json> [FILE]`: everything, as a WordPress export (WXR) that
 * WordPress's importer reads, or as the JSON that db:export writes.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { exportData } from '../db/export-data';
import { serializeExport } from '../db/export-format';
import { writeWxr } from '../export/wxr-export';
import { CliError, cliSettings, describeDatabase, openCliDatabase, runCli } from './cli-database';
import { claimNewFile, draftOf, publishDraft, writeNewFile } from './new-file';

const usage = `Usage: npm run export -- <wxr|json> [FILE]

  wxr    a WordPress export (WXR 1.2): articles as posts (with excerpt, author, categories,
         tags, featured image), comments with their threads, statuses, emails and IPs.
         WordPress reads it in Tools → Import → WordPress; npm run import -- wxr reads it too.
  json   the same file as npm run db:export (every field, for db:import)

FILE must not exist yet; "-" writes to standard output (use npm run --silent then).
Default: daily-thread-<UTC date and time>.xml (or .json) in the working directory. The file
holds email and IP addresses: it is made readable by its owner only.

  -h, --help   this text

Links in the WXR file use PUBLIC_URL (default http://localhost:PORT). The database: DATABASE_URL,
otherwise the embedded one in DATA_DIR (default ./data).
`;

await runCli(usage, async () => {
  const { values, positionals } = parseArgs({
    options: { help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  if (values.help) {
    process.stdout.write(usage);
    return;
  }
  const [format, file, ...extra] = positionals;
  if ((format !== 'wxr' && format !== 'json') || extra.length > 0) {
    throw new CliError(`Name the format, wxr or json, and at most one file.\n\n${usage}`);
  }
  const env = cliSettings();
  const now = new Date();
  const out =
    file ??
    `daily-thread-${now.toISOString().slice(0, 19).replaceAll(':', '-')}Z.${format === 'wxr' ? 'xml' : 'json'}`;
  if (out !== '-') claimNewFile(out);
  const handle = await openCliDatabase(env, { existing: true });
  const where = out === '-' ? 'standard output' : resolve(out);
  try {
    if (format === 'json') {
      const data = await exportData(handle.db, now);
      const text = serializeExport(data);
      if (out === '-') process.stdout.write(text);
      else writeNewFile(out, text);
      process.stderr.write(
        `Exported ${data.counts.articles} articles and ${data.counts.comments} comments from ${describeDatabase(env)} to ${where}.\n`,
      );
      return;
    }
    const draft = draftOf(out);
    const stream =
      out === '-' ? process.stdout : createWriteStream(draft, { mode: 0o600, flags: 'wx' });
    const site = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
    const written = await writeWxr(handle.db, site, now, async (chunk) => {
      if (!stream.write(chunk)) await once(stream, 'drain');
    });
    if (out !== '-') {
      stream.end();
      await once(stream, 'finish');
      publishDraft(draft, out);
    }
    process.stderr.write(
      `Exported ${written.articles} articles and their comments as WXR from ${describeDatabase(env)} to ${where}.\n`,
    );
  } finally {
    await handle.close();
  }
});
