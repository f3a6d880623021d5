import { articleSchema, type Article, type ArticleBlock } from '../../src/contract/articles';
import { htmlToBody, htmlToText } from './html-to-body';
import { ImportFormatError } from './import-error';
import { httpUrl, isoTime, slugify, summaryFrom, type ImportRecord } from './import-records';
import { decodeXml } from './xml-decode';
import {
  child,
  childrenNamed,
  childText,
  innerXml,
  textOf,
  xmlNs,
  xmlRecords,
  type XmlElement,
} from './xml-records';

const atomNs = 'http://www.w3.org/2005/Atom';
const rss1Ns = 'http://purl.org/rss/1.0/';
const rdfNs = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const isContent = (uri: string) => uri === 'http://purl.org/rss/1.0/modules/content/';
const isDc = (uri: string) => uri === 'http://purl.org/dc/elements/1.1/';
const isAtom = (uri: string) => uri === atomNs;
const isXhtml = (uri: string) => uri === 'http://www.w3.org/1999/xhtml';

/**
 * An RSS (0.9x, 1.0, 2.0) or Atom 1.0 feed, read as it streams: each item with a title, a link
 * and content (content:encoded, Atom content, else the description or summary) becomes an
 * article whose "Source link" is the item's link. `baseUrl` (a feed fetched from a URL) resolves
 * relative links, after any xml:base.
 */
export async function* readFeed(
  bytes: AsyncIterable<Uint8Array>,
  name: string,
  baseUrl?: string,
): AsyncGenerator<ImportRecord> {
  const records = xmlRecords(
    decodeXml(bytes),
    (e) =>
      (e.local === 'item' && (e.uri === '' || e.uri === rss1Ns)) ||
      (e.local === 'entry' && e.uri === atomNs),
    name,
  );
  while (true) {
    const next = await records.next();
    if (next.done) {
      const root = next.value;
      const known =
        (root.local === 'rss' && root.uri === '') ||
        (root.local === 'RDF' && root.uri === rdfNs) ||
        (root.local === 'feed' && root.uri === atomNs);
      if (!known) {
        throw new ImportFormatError(
          `${name} is not an RSS or Atom feed: its root is <${root.local}>${root.uri ? ` in ${root.uri}` : ''}, not <rss>, <rdf:RDF> or Atom 1.0's <feed>${root.uri === 'http://purl.org/atom/ns#' ? ' (Atom 0.3 is not read: export Atom 1.0 or RSS)' : ''}.`,
        );
      }
      break;
    }
    const { record, ancestors } = next.value;
    const root = ancestors[0];
    if (record.local === 'entry') {
      if (root?.local !== 'feed' || root.uri !== atomNs) continue;
      // Relative links resolve against xml:base, else where the feed says it lives.
      const feedLinks = childrenNamed(root, 'link', isAtom);
      const self = feedLinks.find((l) => l.attrs.rel === 'self')?.attrs.href;
      const start = baseUrl ?? httpUrl(self) ?? undefined;
      const home = feedLinks.find((l) => (l.attrs.rel ?? 'alternate') === 'alternate')?.attrs.href;
      yield atomEntry(record, root, baseFor([...ancestors, record], httpUrl(home, start) ?? start));
    } else {
      const channel =
        ancestors.find((a) => a.local === 'channel') ??
        (root ? child(root, 'channel', (u) => u === rss1Ns) : undefined);
      if (!root || (root.local !== 'rss' && root.local !== 'RDF')) continue;
      yield rssItem(record, channel, baseUrl);
    }
  }
}

/** The xml:base in force at the innermost element (each resolved against the one outside it). */
function baseFor(path: readonly XmlElement[], start: string | undefined): string | undefined {
  let base = start;
  for (const element of path) {
    const value = element.attrs[`{${xmlNs}}base`];
    if (!value) continue;
    try {
      const resolved = new URL(value, base);
      if (resolved.protocol === 'http:' || resolved.protocol === 'https:') base = resolved.href;
    } catch {
      // A malformed xml:base is ignored, as feed readers do.
    }
  }
  return base;
}

function finish(fields: {
  title: string;
  link: string | null;
  date: string | null;
  updated: string | null;
  html: string;
  summaryHtml: string;
  author: string;
  categories: string[];
  feedTitle: string;
  guid: string;
}): ImportRecord {
  const skip = (reason: string): ImportRecord => ({ kind: 'skip', what: 'article', reason });
  if (!fields.title) return skip('item has no title');
  if (!fields.link) return skip(`item "${fields.title}" has no http(s) link (its "Source link")`);
  if (!fields.date) return skip(`item "${fields.title}" has no date`);
  const base = { baseUrl: fields.link };
  let body: ArticleBlock[] = htmlToBody(fields.html, base);
  if (body.length === 0) body = htmlToBody(fields.summaryHtml, base);
  if (body.length === 0) return skip(`item "${fields.title}" has no content`);
  const slug =
    slugify(
      new URL(fields.link).pathname
        .split('/')
        .filter(Boolean)
        .at(-1)
        ?.replace(/\.html?$/, '') ?? '',
    ) || slugify(fields.title);
  if (!slug) return skip(`item "${fields.title}" has nothing a slug can be made of`);
  const summary = htmlToText(fields.summaryHtml).replace(/\s+/g, ' ').trim();
  const article: Article = {
    slug,
    headline: fields.title,
    publishedAt: fields.date,
    ...(fields.updated && fields.updated > fields.date ? { updatedAt: fields.updated } : {}),
    ...(fields.author ? { byline: `By ${fields.author}` } : {}),
    summary: summary && summary.length <= 400 ? summary : summaryFrom(body, fields.title),
    source: { name: fields.feedTitle || new URL(fields.link).hostname, url: fields.link },
    body,
    ...(fields.categories.length > 0 ? { categories: fields.categories } : {}),
  };
  const parsed = articleSchema.safeParse(article);
  if (!parsed.success)
    return skip(
      `item "${fields.title}" does not fit the article model: ${parsed.error.issues[0]?.message ?? ''}`,
    );
  return { kind: 'article', key: fields.guid || fields.link, article: parsed.data };
}

function rssItem(
  item: XmlElement,
  channel: XmlElement | undefined,
  baseUrl: string | undefined,
): ImportRecord {
  const plain = (u: string) => u === '' || u === rss1Ns;
  const channelLink = channel ? httpUrl(childText(channel, 'link', plain), baseUrl) : null;
  const guidElement = child(item, 'guid', plain);
  const guid = textOf(guidElement).trim();
  const guidIsLink = guidElement && guidElement.attrs.isPermaLink !== 'false';
  const link =
    httpUrl(childText(item, 'link', plain), channelLink ?? baseUrl) ??
    (guidIsLink ? httpUrl(guid, channelLink ?? baseUrl) : null);
  const xhtmlBody = child(item, 'body', isXhtml);
  return finish({
    title: htmlToText(childText(item, 'title', plain))
      .replace(/\s+/g, ' ')
      .trim(),
    link,
    guid: guid || (link ?? ''),
    date: isoTime(childText(item, 'pubDate', plain)) ?? isoTime(childText(item, 'date', isDc)),
    updated: null,
    html: textOf(child(item, 'encoded', isContent)) || (xhtmlBody ? innerXml(xhtmlBody) : ''),
    summaryHtml: textOf(child(item, 'description', plain)),
    author: [...childrenNamed(item, 'creator', isDc), ...childrenNamed(item, 'author', plain)]
      .map((e) => textOf(e).trim())
      .filter(Boolean)
      .join(', '),
    categories: childrenNamed(item, 'category', plain)
      .map((c) => textOf(c).trim())
      .filter(Boolean),
    feedTitle: channel ? htmlToText(childText(channel, 'title', plain)) : '',
  });
}

/** Atom text constructs: text, html, or xhtml (a div whose content is the value). */
function atomHtml(element: XmlElement | undefined): string {
  if (!element || element.attrs.src) return '';
  const type = element.attrs.type ?? 'text';
  if (type === 'html' || type === 'text/html') return textOf(element);
  if (type === 'xhtml' || type === 'application/xhtml+xml') {
    const div = child(element, 'div', isXhtml);
    return div ? innerXml(div) : innerXml(element);
  }
  if (type === 'text' || type === 'text/plain') return escapeText(textOf(element));
  // Any other media type is base64 (RFC 4287 §4.1.3.3); only text ones are kept.
  const decoded = Buffer.from(textOf(element).replace(/\s+/g, ''), 'base64').toString('utf8');
  return decoded.includes('\uFFFD') ? '' : escapeText(decoded);
}

const escapeText = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((part) => `<p>${part.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
    .join('');

function atomEntry(entry: XmlElement, feed: XmlElement, base: string | undefined): ImportRecord {
  const links = childrenNamed(entry, 'link', isAtom);
  const alternate = links.find((l) => (l.attrs.rel ?? 'alternate') === 'alternate') ?? null;
  const link = alternate ? httpUrl(alternate.attrs.href, base) : null;
  const authors = [
    ...childrenNamed(entry, 'author', isAtom),
    ...(childrenNamed(entry, 'author', isAtom).length ? [] : childrenNamed(feed, 'author', isAtom)),
  ];
  return finish({
    title: htmlToText(atomHtml(child(entry, 'title', isAtom)))
      .replace(/\s+/g, ' ')
      .trim(),
    link,
    guid: childText(entry, 'id', isAtom) || (link ?? ''),
    date:
      isoTime(childText(entry, 'published', isAtom)) ??
      isoTime(childText(entry, 'updated', isAtom)),
    updated: isoTime(childText(entry, 'updated', isAtom)),
    html: atomHtml(child(entry, 'content', isAtom)),
    summaryHtml: atomHtml(child(entry, 'summary', isAtom)),
    author: authors
      .map((a) => childText(a, 'name', isAtom))
      .filter(Boolean)
      .join(', '),
    categories: childrenNamed(entry, 'category', isAtom)
      .map((c) => c.attrs.label ?? c.attrs.term ?? '')
      .filter(Boolean),
    feedTitle: htmlToText(atomHtml(child(feed, 'title', isAtom))),
  });
}
