/**
 * `npm run article -- publish FILE.md`: an editor's Markdown file published on the database the
 * server uses, as the editor screen would: made when no article has its slug, updated (and
 * published) when one does. Front matter: title, slug, description, publishedAt (optional: now,
 * or, for an article already published, the date it has).
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { articleInputSchema, type ArticleInput } from '../../src/contract/admin-articles';
import { publishBySlug } from '../routes/admin-articles/admin-article-store';
import { CliError, cliSettings, describeDatabase, openCliDatabase, runCli } from './cli-database';

const usage = `Usage: npm run article -- publish FILE.md

  publish FILE.md         publish the article in FILE.md: a new one, or the one with its slug
                          updated (nothing changes if it is the same)

FILE.md starts with YAML front matter, then the text in Markdown:

  ---
  title: Council votes on the budget
  slug: council-votes-on-budget
  description: The vote came late at night.
  publishedAt: 2026-12-02T09:00:00Z   # optional: now; in the future: scheduled
  ---
  The council voted at midnight…

  ![The chamber](https://example.org/chamber.jpg "The council chamber | Photo: A. Reporter")

  -h, --help              this text

The database is the one the server uses with the same settings: DATABASE_URL for PostgreSQL,
otherwise the embedded one in DATA_DIR (default ./data). Stop a server running on the
embedded database first; on PostgreSQL it may run.
`;

const text = (value: unknown) =>
  typeof value === 'string' ? value : value instanceof Date ? value.toISOString() : '';

/** The file's front matter and text as the API's input, or what is wrong with it, by line. */
function readArticleFile(
  fileName: string,
  content: string,
): { input: ArticleInput; publishedAt: Date | undefined } {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(content);
  if (!match) {
    throw new CliError(
      `${fileName} has no front matter: start it with a "---" line, then title:, slug: and description:, then "---".`,
    );
  }
  let meta: Record<string, unknown>;
  try {
    const parsed: unknown = parseYaml(match[1] ?? '');
    meta = parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch (error) {
    throw new CliError(
      `${fileName}: the front matter is not valid YAML: ${(error as Error).message}`,
    );
  }
  const result = articleInputSchema.safeParse({
    title: text(meta.title),
    slug: text(meta.slug),
    description: text(meta.description),
    markdown: match[2] ?? '',
  });
  if (!result.success) {
    const lines = result.error.issues.map((i) => {
      const field = String(i.path[0] ?? '');
      return `  ${field === 'markdown' ? 'the text' : field}: ${i.message}`;
    });
    throw new CliError(`${fileName} needs fixing:\n${lines.join('\n')}`);
  }
  let publishedAt: Date | undefined;
  if (meta.publishedAt !== undefined && meta.publishedAt !== null) {
    publishedAt = new Date(text(meta.publishedAt));
    if (Number.isNaN(publishedAt.getTime())) {
      throw new CliError(
        `${fileName}: publishedAt is not a time: write it like 2026-12-02T09:00:00Z, or leave it out to publish now.`,
      );
    }
  }
  return { input: result.data, publishedAt };
}

await runCli(usage, async () => {
  const { values, positionals } = parseArgs({
    options: { help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  if (values.help) {
    process.stdout.write(usage);
    return;
  }
  const [command, file, ...rest] = positionals;
  if (command !== 'publish') {
    throw new CliError(command ? `Unknown command ${command}.\n\n${usage}` : usage);
  }
  if (!file || rest.length > 0) throw new CliError(`publish takes one FILE.md.\n\n${usage}`);
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(`Cannot read ${file}: ${(error as Error).message}`);
  }
  const { input, publishedAt } = readArticleFile(file, content);
  const env = cliSettings();
  const handle = await openCliDatabase(env, { existing: false });
  try {
    const now = new Date();
    const outcome = await publishBySlug(handle.db, input, publishedAt, now);
    if (outcome.kind === 'missing')
      throw new CliError(`The article ${input.slug} vanished meanwhile: run it again.`);
    if (outcome.kind === 'invalid') {
      const fields = Object.entries(outcome.fieldErrors).map(([f, m]) => `  ${f}: ${m}`);
      throw new CliError(`${file} needs fixing:\n${fields.join('\n')}`);
    }
    const { article } = outcome;
    const when =
      article.status === 'scheduled'
        ? `scheduled for ${article.publishedAt}`
        : `published ${article.publishedAt}`;
    const what = {
      created: 'Published a new article',
      updated: 'Updated and published',
      unchanged: 'Nothing changed for',
    }[outcome.kind];
    process.stdout.write(
      `${what} ${article.slug} (id ${article.id}, ${when}, revision ${article.revision}) in ${describeDatabase(env)}.\n`,
    );
  } finally {
    await handle.close();
  }
});
