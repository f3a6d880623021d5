import type { Article, ArticleBlock, Image } from '../../src/contract/articles';
import type { StoredStatus } from '../../src/contract/comment-rules';

/**
 * What a converter hands the importer, one at a time as it reads: the converters are pure (no
 * database), the importer decides against the database what is new, changed or already there.
 */
export type ImportRecord =
  | {
      kind: 'article';
      /** The source's own id for it (WordPress post id, feed guid, file name). */
      key: string;
      article: Article;
    }
  | {
      kind: 'thread';
      /** A Disqus thread: its comments go to the article found by one of these. */
      key: string;
      urls: string[];
      slugs: string[];
    }
  | ({ kind: 'comment' } & ImportedComment)
  | {
      kind: 'featured-image';
      /** An attachment named after its post: the post's front-page picture. */
      articleKey: string;
      image: Image;
    }
  | {
      kind: 'skip';
      what: 'article' | 'comment' | 'item';
      reason: string;
    }
  | {
      /** Imported, but changed to fit: a reply nested deeper than 5, a reply to a missing parent. */
      kind: 'note';
      reason: string;
    };

export interface ImportedComment {
  /** Unique within the source, e.g. "wxr:12:345": re-imports find the comment by it. */
  key: string;
  /** The article ("article" key) or Disqus thread ("thread" key) it belongs to. */
  target: { article: string } | { thread: string };
  /** Already clamped by the converter to a parent at depth ≤ 4, so depth stays ≤ 5. */
  parentKey: string | null;
  depth: number;
  author: string;
  email: string;
  website: string | null;
  content: string;
  status: StoredStatus;
  createdAt: string;
  ip: string | null;
}

export const maxDepth = 5;

/**
 * Tracks comments' depths in a source, so that a reply deeper than the reader shows (5) hangs
 * from its ancestor at depth 4 instead, and a reply to a comment that is not there (skipped,
 * or never in the file) becomes a top-level one. Returns the parent to use and a note if moved.
 */
export class ThreadShaper {
  private readonly known = new Map<string, { parentKey: string | null; depth: number }>();

  place(
    key: string,
    wantedParent: string | null,
  ): { parentKey: string | null; depth: number; note?: string } {
    let note: string | undefined;
    let parentKey = wantedParent;
    let parent = parentKey === null ? undefined : this.known.get(parentKey);
    if (parentKey !== null && !parent) {
      note = 'reply to a comment not imported, made a top-level comment';
      parentKey = null;
    }
    while (parent && parentKey !== null && parent.depth >= maxDepth) {
      note = `reply nested deeper than ${maxDepth} levels, attached at level ${maxDepth}`;
      parentKey = parent.parentKey;
      parent = parentKey === null ? undefined : this.known.get(parentKey);
    }
    const depth = parent ? parent.depth + 1 : 1;
    this.known.set(key, { parentKey, depth });
    return note ? { parentKey, depth, note } : { parentKey, depth };
  }

  has(key: string) {
    return this.known.has(key);
  }
}

/** A slug the contract accepts (lowercase ASCII words joined by hyphens), or '' if none is left. */
export function slugify(value: string): string {
  let text = value;
  try {
    text = decodeURIComponent(value);
  } catch {
    // Not percent-encoded after all.
  }
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&[a-z]+;|&#\d+;/g, ' ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120)
    .replace(/-+$/, '');
}

/** A date a source wrote, as the contract's ISO time, or null if it is not one. */
export function isoTime(value: string | undefined | null): string | null {
  if (!value) return null;
  const text = value.trim();
  if (!text || text.startsWith('0000-00-00')) return null;
  // WordPress's "2012-05-06 20:46:06" (GMT columns) has no zone: it is UTC.
  const wordpress = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/.exec(text);
  const date = new Date(wordpress ? `${wordpress[1]}T${wordpress[2]}Z` : text);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export function plainOf(block: ArticleBlock): string {
  const text = (value: unknown): string =>
    typeof value === 'string'
      ? value
      : Array.isArray(value)
        ? value.map(text).join('')
        : value && typeof value === 'object'
          ? 'children' in value
            ? text(value.children)
            : 'text' in value
              ? text(value.text)
              : ''
          : '';
  if (block.type === 'paragraph') return text(block.text);
  return '';
}

/** A description when the source gave none: the first paragraph, cut at a word near 200 characters. */
export function summaryFrom(blocks: readonly ArticleBlock[], fallback: string): string {
  for (const block of blocks) {
    const text = plainOf(block).replace(/\s+/g, ' ').trim();
    if (!text) continue;
    if (text.length <= 220) return text;
    const cut = text.slice(0, 200);
    return `${cut.slice(0, cut.lastIndexOf(' ') > 100 ? cut.lastIndexOf(' ') : 200)}…`;
  }
  return fallback;
}

/** An http(s) URL, absolute (resolved against `base`), or null. */
export function httpUrl(value: string | undefined, base?: string): string | null {
  if (!value?.trim()) return null;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
