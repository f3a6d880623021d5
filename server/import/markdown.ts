import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { marked } from 'marked';
import { parse as parseYaml } from 'yaml';
import { articleSchema, type Article } from '../../src/contract/articles';
import { htmlToBody } from './html-to-body';
import { ImportFormatError } from './import-error';
import { httpUrl, isoTime, slugify, summaryFrom, type ImportRecord } from './import-records';

const str = (value: unknown) =>
  typeof value === 'string' ? value.trim() : value instanceof Date ? value.toISOString() : '';
const list = (value: unknown) =>
  Array.isArray(value)
    ? value.map(str).filter(Boolean)
    : typeof value === 'string'
      ? value
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : [];

/**
 * One Markdown file with YAML front matter as an article. Front matter: `title` (required),
 * `date` (required), `slug` (else the file name), `description`/`summary`, `author`,
 * `updated`, `image` (+ `image_alt`), `source_name` + `source_url`, `categories`, `tags`,
 * `draft: true` (skipped).
 */
export function markdownArticle(fileName: string, text: string): ImportRecord {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!match) {
    throw new ImportFormatError(
      `${fileName} has no front matter: start it with a "---" line, then "title: …" and "date: …", then "---".`,
    );
  }
  let meta: Record<string, unknown>;
  try {
    const parsed: unknown = parseYaml(match[1] ?? '');
    meta = parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch (error) {
    throw new ImportFormatError(
      `${fileName}: the front matter is not valid YAML: ${(error as Error).message}`,
    );
  }
  const skip = (reason: string): ImportRecord => ({
    kind: 'skip',
    what: 'article',
    reason: `${fileName}: ${reason}`,
  });
  if (meta.draft === true) return skip('draft: true');
  const headline = str(meta.title);
  if (!headline)
    throw new ImportFormatError(`${fileName}: the front matter needs a title (title: …).`);
  const publishedAt = isoTime(str(meta.date));
  if (!publishedAt)
    throw new ImportFormatError(
      `${fileName}: the front matter needs a date, like date: 2026-12-01T09:00:00Z.`,
    );
  const slug = slugify(str(meta.slug) || basename(fileName).replace(/\.md$/i, ''));
  if (!slug)
    throw new ImportFormatError(
      `${fileName}: no slug can be made from its name; set slug: in the front matter.`,
    );
  const body = htmlToBody(marked.parse(match[2] ?? '', { async: false }));
  if (body.length === 0)
    throw new ImportFormatError(`${fileName} has no text after its front matter.`);
  const sourceUrl = httpUrl(str(meta.source_url));
  const image =
    httpUrl(str(meta.image)) ?? (str(meta.image).startsWith('/') ? str(meta.image) : null);
  const updated = isoTime(str(meta.updated));
  const author = str(meta.author);
  const categories = list(meta.categories);
  const tags = list(meta.tags);
  const article: Article = {
    slug,
    headline,
    publishedAt,
    ...(updated && updated > publishedAt ? { updatedAt: updated } : {}),
    ...(author ? { byline: `By ${author}` } : {}),
    summary: str(meta.description) || str(meta.summary) || summaryFrom(body, headline),
    ...(image ? { image: { src: image, alt: str(meta.image_alt) } } : {}),
    ...(sourceUrl
      ? { source: { name: str(meta.source_name) || new URL(sourceUrl).hostname, url: sourceUrl } }
      : {}),
    body,
    ...(categories.length > 0 ? { categories } : {}),
    ...(tags.length > 0 ? { tags } : {}),
  };
  const parsed = articleSchema.safeParse(article);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ImportFormatError(
      `${fileName}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'does not fit the article model'}`,
    );
  }
  return { kind: 'article', key: `md:${slug}`, article: parsed.data };
}

/** Every .md file in a folder (not its subfolders), in name order. */
export async function* readMarkdownFolder(folder: string): AsyncGenerator<ImportRecord> {
  let names: string[];
  try {
    names = (await readdir(folder)).filter((n) => n.toLowerCase().endsWith('.md')).sort();
  } catch (error) {
    throw new ImportFormatError(`Cannot read the folder ${folder}: ${(error as Error).message}`);
  }
  if (names.length === 0) throw new ImportFormatError(`${folder} holds no .md files.`);
  for (const name of names) yield markdownArticle(name, await readFile(join(folder, name), 'utf8'));
}
