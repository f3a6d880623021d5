import { articleSchema, type Article, type Image } from '../../src/contract/articles';
import type { StoredStatus } from '../../src/contract/comment-rules';
import { wxrMeta } from '../export/wxr-meta';
import { htmlToBody, htmlToText } from './html-to-body';
import { ImportFormatError } from './import-error';
import {
  httpUrl,
  isoTime,
  slugify,
  summaryFrom,
  ThreadShaper,
  type ImportRecord,
} from './import-records';
import { decodeXml } from './xml-decode';
import {
  child,
  childrenNamed,
  childText,
  textOf,
  xmlRecords,
  type XmlElement,
} from './xml-records';

const isWp = (uri: string) => /^https?:\/\/wordpress\.org\/export\/1\.\d+\/$/.test(uri);
const isExcerpt = (uri: string) =>
  /^https?:\/\/wordpress\.org\/export\/1\.\d+\/excerpt\/$/.test(uri);
const isContent = (uri: string) => uri === 'http://purl.org/rss/1.0/modules/content/';
const isDc = (uri: string) => uri === 'http://purl.org/dc/elements/1.1/';
const none = (uri: string) => uri === '';

const wp = (element: XmlElement, local: string) => childText(element, local, isWp);

/** WordPress's comment_approved values, as this site's statuses. */
function commentStatus(value: string): StoredStatus | null {
  switch (value.trim()) {
    case '':
    case '1':
    case 'approve':
    case 'approved':
      return 'approved';
    case '0':
    case 'hold':
      return 'pending';
    case 'spam':
      return 'spam';
    case 'trash':
    case 'post-trashed':
      return 'trash';
    default:
      return null;
  }
}

/**
 * A WordPress export (WXR 1.0–1.2), read as it streams: published (and scheduled) posts become
 * articles with their comments; everything else is skipped with the reason. `name` is for
 * messages.
 */
export async function* readWxr(
  bytes: AsyncIterable<Uint8Array>,
  name: string,
): AsyncGenerator<ImportRecord> {
  const records = xmlRecords(decodeXml(bytes), (e) => e.local === 'item' && e.uri === '', name);
  let checked = false;
  const attachments = new Map<string, Image>();
  /** Posts whose featured image is an attachment further down the file. */
  const wantedThumbnails = new Map<string, string>();
  const seenPostIds = new Map<string, number>();
  while (true) {
    const next = await records.next();
    if (next.done) {
      const root = next.value;
      if (root.local !== 'rss' || !child(root, 'channel', none)) {
        throw new ImportFormatError(
          `${name} is not a WordPress export: its root is <${root.local}>, not <rss> with a <channel>.`,
        );
      }
      if (!checked) checkVersion(child(root, 'channel', none) as XmlElement, name);
      break;
    }
    const { record: item, ancestors } = next.value;
    const channel = ancestors.at(-1);
    if (!channel || channel.local !== 'channel' || ancestors[0]?.local !== 'rss') continue;
    if (!checked) {
      checkVersion(channel, name);
      checked = true;
    }
    const type = wp(item, 'post_type') || 'post';
    const postId = wp(item, 'post_id');
    if (type === 'attachment') {
      const url = httpUrl(wp(item, 'attachment_url'));
      if (url) {
        const alt = meta(item, '_wp_attachment_image_alt') ?? '';
        // WordPress keeps the picture's size in a PHP-serialised array; only the two numbers matter.
        const sizes = meta(item, '_wp_attachment_metadata') ?? '';
        const width = Number(/s:5:"width";i:(\d+);/.exec(sizes)?.[1]);
        const height = Number(/s:6:"height";i:(\d+);/.exec(sizes)?.[1]);
        const image: Image = {
          src: url,
          alt,
          ...(width > 0 && height > 0 ? { width, height } : {}),
        };
        attachments.set(postId, image);
        for (const [articleKey, thumbId] of wantedThumbnails) {
          if (thumbId === postId) {
            yield { kind: 'featured-image', articleKey, image };
            wantedThumbnails.delete(articleKey);
          }
        }
      }
      yield {
        kind: 'skip',
        what: 'item',
        reason: 'attachment (its URL is used where a post shows it)',
      };
      continue;
    }
    // Some exports repeat a post id: each item stays its own article (its slug decides).
    const repeats = seenPostIds.get(postId) ?? 0;
    seenPostIds.set(postId, repeats + 1);
    const key = postId ? (repeats > 0 ? `post:${postId}#${repeats}` : `post:${postId}`) : '';
    yield* post(item, channel, type, postId, key, attachments, wantedThumbnails);
  }
}

function checkVersion(channel: XmlElement, name: string) {
  const version = wp(channel, 'wxr_version');
  if (!version) {
    throw new ImportFormatError(
      `${name} is not a WordPress export: it has no <wp:wxr_version> (with the namespace http://wordpress.org/export/1.x/). Export it again from Tools → Export.`,
    );
  }
  if (!/^1\.\d+$/.test(version)) {
    throw new ImportFormatError(
      `${name} is WXR version "${version}", which this importer does not know (it reads 1.0 to 1.2).`,
    );
  }
}

function meta(item: XmlElement, key: string): string | undefined {
  for (const entry of childrenNamed(item, 'postmeta', isWp)) {
    if (wp(entry, 'meta_key') === key) return wp(entry, 'meta_value');
  }
  return undefined;
}

function* post(
  item: XmlElement,
  channel: XmlElement,
  type: string,
  postId: string,
  postKey: string,
  attachments: Map<string, Image>,
  wantedThumbnails: Map<string, string>,
): Generator<ImportRecord> {
  const status = wp(item, 'status') || 'publish';
  const comments = childrenNamed(item, 'comment', isWp);
  const skipAll = function* (reason: string): Generator<ImportRecord> {
    yield { kind: 'skip', what: type === 'post' ? 'article' : 'item', reason };
    for (const c of comments) {
      void c;
      yield { kind: 'skip', what: 'comment', reason: `its post was not imported (${reason})` };
    }
  };
  if (type !== 'post') return yield* skipAll(`post type "${type}" (only posts become articles)`);
  if (status !== 'publish' && status !== 'future')
    return yield* skipAll(`post status "${status}" (not published)`);
  const headline = textOf(child(item, 'title', none))
    .replace(/\s+/g, ' ')
    .trim();
  if (!headline) return yield* skipAll('post has no title');

  const siteLink = childText(channel, 'link', none) || wp(channel, 'base_blog_url');
  const link =
    httpUrl(childText(item, 'link', none)) ??
    httpUrl(childText(item, 'guid', none)) ??
    (httpUrl(siteLink) && postId ? httpUrl(`?p=${postId}`, httpUrl(siteLink) ?? undefined) : null);
  if (!link)
    return yield* skipAll('post has no link (its "Source link") and the export no site address');
  const slug =
    slugify(wp(item, 'post_name')) || slugify(headline) || (postId ? `post-${postId}` : '');
  if (!slug) return yield* skipAll('post has no name a slug can be made of');

  const publishedAt =
    isoTime(wp(item, 'post_date_gmt')) ??
    isoTime(wp(item, 'post_date')) ??
    isoTime(childText(item, 'pubDate', none));
  if (!publishedAt) return yield* skipAll('post has no date');
  const modified = isoTime(wp(item, 'post_modified_gmt')) ?? isoTime(wp(item, 'post_modified'));

  const html = textOf(child(item, 'encoded', isContent));
  const body = htmlToBody(html, link ? { baseUrl: link } : {});
  const excerpt = htmlToText(textOf(child(item, 'encoded', isExcerpt)))
    .replace(/\s+/g, ' ')
    .trim();
  const summary = excerpt || summaryFrom(body, headline);

  const login = childText(item, 'creator', isDc);
  const authorName = login ? displayName(channel, login) : '';
  const terms = (domain: string) =>
    childrenNamed(item, 'category', none)
      .filter((c) => c.attrs.domain === domain)
      .map((c) => textOf(c).trim())
      .filter(Boolean);
  const categories = terms('category');
  const tags = terms('post_tag');

  const key = postKey || `slug:${slug}`;
  // This site's own exports keep an article's Source link apart from its address here.
  const keptSourceUrl = httpUrl(meta(item, wxrMeta.sourceUrl));
  const source = keptSourceUrl
    ? {
        name: meta(item, wxrMeta.sourceName) || new URL(keptSourceUrl).hostname,
        url: keptSourceUrl,
      }
    : link
      ? { name: childText(channel, 'title', none) || 'WordPress', url: link }
      : null;
  const thumbId = meta(item, '_thumbnail_id');
  const firstFigure = body.find((b) => b.type === 'figure');
  const image =
    (thumbId ? attachments.get(thumbId) : undefined) ??
    (firstFigure?.type === 'figure' ? firstFigure.image : undefined);
  if (thumbId && !attachments.has(thumbId)) wantedThumbnails.set(key, thumbId);

  const article: Article = {
    slug,
    headline,
    publishedAt,
    ...(modified && modified > publishedAt ? { updatedAt: modified } : {}),
    ...(authorName ? { byline: `By ${authorName}` } : {}),
    summary,
    ...(image ? { image } : {}),
    ...(source ? { source } : {}),
    body: body.length > 0 ? body : [{ type: 'paragraph', text: summary }],
    ...(categories.length > 0 ? { categories } : {}),
    ...(tags.length > 0 ? { tags } : {}),
  };
  const parsed = articleSchema.safeParse(article);
  if (!parsed.success) {
    return yield* skipAll(
      `post "${headline}" does not fit the article model: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
    );
  }
  yield { kind: 'article', key, article: parsed.data };

  // Replies may come before their parents in the file: place parents first.
  const byId = new Map<string, XmlElement>();
  const skippedIds = new Set<string>();
  for (const c of comments) {
    const id = wp(c, 'comment_id');
    const commentType = wp(c, 'comment_type') || 'comment';
    if (commentType === 'pingback' || commentType === 'trackback') {
      skippedIds.add(id);
      yield { kind: 'skip', what: 'comment', reason: `${commentType} (not a reader's comment)` };
      continue;
    }
    if (commentType !== 'comment') {
      skippedIds.add(id);
      yield {
        kind: 'skip',
        what: 'comment',
        reason: `comment type "${commentType}" (not a reader's comment)`,
      };
      continue;
    }
    if (!id) {
      yield { kind: 'skip', what: 'comment', reason: 'comment has no wp:comment_id' };
      continue;
    }
    if (byId.has(id)) {
      yield { kind: 'skip', what: 'comment', reason: `comment id ${id} repeated in one post` };
      continue;
    }
    byId.set(id, c);
  }
  const shaper = new ThreadShaper();
  const placed = new Set<string>();
  const visiting = new Set<string>();
  const ordered: XmlElement[] = [];
  const visit = (id: string) => {
    if (placed.has(id) || visiting.has(id)) return;
    visiting.add(id);
    const parent = wp(byId.get(id) as XmlElement, 'comment_parent');
    if (parent && parent !== '0' && byId.has(parent)) visit(parent);
    visiting.delete(id);
    placed.add(id);
    ordered.push(byId.get(id) as XmlElement);
  };
  for (const id of byId.keys()) visit(id);
  for (const c of ordered) {
    const id = wp(c, 'comment_id');
    const deleted = childrenNamed(c, 'commentmeta', isWp).some(
      (m) => wp(m, 'meta_key') === wxrMeta.deleted,
    );
    const status = deleted ? 'deleted' : commentStatus(wp(c, 'comment_approved'));
    if (!status) {
      yield {
        kind: 'skip',
        what: 'comment',
        reason: `comment status "${wp(c, 'comment_approved')}" unknown`,
      };
      continue;
    }
    const content = htmlToText(textOf(child(c, 'comment_content', isWp)));
    const createdAt = isoTime(wp(c, 'comment_date_gmt')) ?? isoTime(wp(c, 'comment_date'));
    if (!createdAt) {
      yield { kind: 'skip', what: 'comment', reason: 'comment has no date' };
      continue;
    }
    const parentId = wp(c, 'comment_parent');
    const wanted = parentId && parentId !== '0' ? `${key}:comment:${parentId}` : null;
    const place = shaper.place(`${key}:comment:${id}`, wanted);
    if (place.note) yield { kind: 'note', reason: place.note };
    yield {
      kind: 'comment',
      key: `${key}:comment:${id}`,
      target: { article: key },
      parentKey: place.parentKey,
      depth: place.depth,
      // A deleted comment's placeholder keeps no author, email or text (as on this site).
      author:
        status === 'deleted'
          ? ''
          : wp(c, 'comment_author')
              .replace(/<[^>]*>/g, '')
              .trim() || 'Anonymous',
      email: status === 'deleted' ? '' : wp(c, 'comment_author_email'),
      website: httpUrl(wp(c, 'comment_author_url')),
      content: status === 'deleted' ? '' : content || '(empty comment)',
      status,
      createdAt,
      ip: wp(c, 'comment_author_IP') || null,
    };
  }
}

function displayName(channel: XmlElement, login: string): string {
  for (const author of childrenNamed(channel, 'author', isWp)) {
    if (wp(author, 'author_login') === login) return wp(author, 'author_display_name') || login;
  }
  return login;
}
