import { parseDocument } from 'htmlparser2';
import {
  isArticleLinkHref,
  type ArticleBlock,
  type Image,
  type Inline,
} from '../../src/contract/articles';

type Node = ReturnType<typeof parseDocument>['children'][number];
type ElementNode = Extract<Node, { attribs: Record<string, string> }>;

/** Never converted, contents and all: what could run, style or embed something. */
const dropped = new Set([
  'script',
  'style',
  'iframe',
  'noscript',
  'object',
  'embed',
  'template',
  'svg',
  'math',
  'form',
  'button',
  'input',
  'select',
  'textarea',
  'video',
  'audio',
  'canvas',
  'head',
  'title',
  'meta',
  'link',
  'frame',
  'frameset',
  'applet',
  'map',
]);
const headingLevel: Record<string, 2 | 3 | 4> = { h1: 2, h2: 2, h3: 3, h4: 4, h5: 4, h6: 4 };
const blockContainers = new Set([
  'div',
  'section',
  'article',
  'main',
  'aside',
  'header',
  'footer',
  'nav',
  'body',
  'html',
  'details',
  'summary',
  'center',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'caption',
  'dl',
  'dt',
  'dd',
  'address',
  'hgroup',
  'picture',
]);

export interface HtmlToBodyOptions {
  /** The address relative links and images are resolved against (the post's own link). */
  baseUrl?: string;
}

/**
 * An HTML fragment (a WordPress post, a feed item, rendered Markdown) as the article body model:
 * what the model can hold is kept (paragraphs with links and emphasis, headings, lists, quotes
 * with their citation, figures with their caption, preformatted text), everything else is
 * dropped, scripts, styles, frames and event attributes first (no attribute but href, src,
 * alt, width and height is ever read). WordPress's `[caption]` shortcodes become figures, and
 * text it never wrapped in <p> (its "autop") is split into paragraphs at blank lines.
 */
export function htmlToBody(html: string, options: HtmlToBodyOptions = {}): ArticleBlock[] {
  const document = parseDocument(captionShortcodes(html), { decodeEntities: true });
  const converter = new Converter(options.baseUrl);
  converter.blocks(document.children, true);
  converter.flush();
  return converter.out;
}

/** Text only, for a comment or a description: paragraphs kept as blank lines, links as text. */
export function htmlToText(html: string): string {
  const document = parseDocument(html, { decodeEntities: true });
  const parts: string[] = [];
  const walk = (nodes: readonly Node[]) => {
    for (const node of nodes) {
      if (node.type === 'text') parts.push(node.data);
      else if ('attribs' in node) {
        if (dropped.has(node.name)) continue;
        if (node.name === 'br') parts.push('\n');
        const isBlock =
          node.name === 'p' ||
          node.name === 'div' ||
          node.name === 'blockquote' ||
          node.name === 'li' ||
          node.name in headingLevel ||
          node.name === 'pre';
        if (isBlock) parts.push('\n\n');
        walk(node.children);
        if (isBlock) parts.push('\n\n');
      }
    }
  };
  walk(document.children);
  return parts
    .join('')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * `[caption id="…" width="300"]<a><img …></a> The caption[/caption]` (and the older
 * `caption="…"` attribute) as the <figure> WordPress renders from it.
 */
function captionShortcodes(html: string): string {
  return html.replace(
    /\[caption([^\]]*)\]([\s\S]*?)\[\/caption\]/g,
    (_all, attrs: string, inner: string) => {
      const match = /^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?)([\s\S]*)$/i.exec(inner);
      const image = match?.[1] ?? inner;
      const attrCaption = /\bcaption\s*=\s*"([^"]*)"/.exec(attrs)?.[1] ?? '';
      const caption = (match?.[2] ?? '').trim() || attrCaption;
      return `<figure>${image}<figcaption>${caption}</figcaption></figure>`;
    },
  );
}

function attr(node: ElementNode, name: string): string | undefined {
  return node.attribs[name];
}

class Converter {
  out: ArticleBlock[] = [];
  private run: Inline[] = [];
  private readonly baseUrl: string | undefined;
  constructor(baseUrl: string | undefined) {
    this.baseUrl = baseUrl;
  }

  /** Closes the paragraph being built from loose inline content. */
  flush() {
    const text = tidy(this.run);
    this.run = [];
    if (text) this.out.push({ type: 'paragraph', text });
  }

  blocks(nodes: readonly Node[], topLevel: boolean) {
    for (const node of nodes) this.block(node, topLevel);
  }

  private block(node: Node, topLevel: boolean) {
    if (node.type === 'text') {
      // Text WordPress never wrapped in <p>: a blank line ends a paragraph, a newline is a break.
      const parts = node.data.split(/\n[ \t]*\n/);
      parts.forEach((part, index) => {
        if (index > 0) this.flush();
        const lines = part.split('\n');
        lines.forEach((line, lineIndex) => {
          if (lineIndex > 0 && topLevel && line.trim()) this.run.push({ type: 'break' });
          this.run.push(lineIndex > 0 && !topLevel ? ` ${line}` : line);
        });
      });
      return;
    }
    if (!('attribs' in node)) {
      if (node.type === 'cdata' || node.type === 'root') this.blocks(node.children, topLevel);
      return;
    }
    const name = node.name.toLowerCase();
    if (dropped.has(name)) return;
    if (name === 'p') {
      this.flush();
      this.paragraphWithFigures(node.children);
      return;
    }
    const level = headingLevel[name];
    if (level) {
      this.flush();
      const text = tidy(this.inline(node.children, []));
      if (text) this.out.push({ type: 'heading', level, text });
      return;
    }
    if (name === 'ul' || name === 'ol') {
      this.flush();
      const items = this.listItems(node);
      if (items.length > 0) this.out.push({ type: 'list', ordered: name === 'ol', items });
      return;
    }
    if (name === 'blockquote') {
      this.flush();
      this.quote(node);
      return;
    }
    if (name === 'figure') {
      this.flush();
      this.figure(node);
      return;
    }
    if (name === 'pre') {
      this.flush();
      const text = textContent(node).replace(/^\n/, '').replace(/\s+$/, '');
      if (text) this.out.push({ type: 'preformatted', text });
      return;
    }
    if (name === 'img') {
      this.flush();
      const image = this.image(node);
      if (image) this.out.push({ type: 'figure', image, caption: '' });
      return;
    }
    if (name === 'hr') {
      this.flush();
      return;
    }
    if (blockContainers.has(name)) {
      this.flush();
      this.blocks(node.children, false);
      this.flush();
      return;
    }
    // Inline content at block level joins the paragraph being built.
    const figures: ArticleBlock[] = [];
    this.run.push(...this.inline([node], figures));
    if (figures.length > 0) {
      this.flush();
      this.out.push(...figures);
    }
  }

  /** A <p>, and any pictures WordPress put in it, after it. */
  private paragraphWithFigures(children: readonly Node[]) {
    const figures: ArticleBlock[] = [];
    const text = tidy(this.inline(children, figures));
    if (text) this.out.push({ type: 'paragraph', text });
    this.out.push(...figures);
  }

  private listItems(list: ElementNode): (string | Inline[])[] {
    const items: (string | Inline[])[] = [];
    for (const item of list.children) {
      if (!('attribs' in item) || item.name !== 'li') continue;
      const own = item.children.filter(
        (c) => !('attribs' in c) || (c.name !== 'ul' && c.name !== 'ol'),
      );
      const figures: ArticleBlock[] = [];
      const text = tidy(this.inline(own, figures, true));
      if (text) items.push(text);
      // A nested list's items follow their parent's: the model's lists are flat.
      for (const nested of item.children) {
        if ('attribs' in nested && (nested.name === 'ul' || nested.name === 'ol')) {
          items.push(...this.listItems(nested));
        }
      }
    }
    return items;
  }

  private quote(node: ElementNode) {
    let attribution: string | undefined;
    const content: Node[] = [];
    for (const c of node.children) {
      if ('attribs' in c && (c.name === 'cite' || c.name === 'footer')) {
        attribution =
          collapse(textContent(c))
            .trim()
            .replace(/^[—–-]\s*/, '') || undefined;
      } else content.push(c);
    }
    // Paragraphs of a quote (and quotes in it) run on with a blank line between them.
    const text = tidy(this.inline(content, [], true));
    if (text) this.out.push({ type: 'quote', text, ...(attribution ? { attribution } : {}) });
  }

  private figure(node: ElementNode) {
    const images: Image[] = [];
    const collect = (nodes: readonly Node[]) => {
      for (const c of nodes) {
        if (!('attribs' in c) || c.name === 'figcaption' || dropped.has(c.name)) continue;
        if (c.name === 'img') {
          const image = this.image(c);
          if (image) images.push(image);
        } else collect(c.children);
      }
    };
    collect(node.children);
    const captionNode = node.children.find(
      (c): c is ElementNode => 'attribs' in c && c.name === 'figcaption',
    );
    const caption = captionNode ? tidy(this.inline(captionNode.children, [])) : '';
    const [first, ...more] = images;
    if (!first) {
      // A figure of something else (a table, an embed): keep its text, if any.
      this.blocks(node.children, false);
      this.flush();
      return;
    }
    this.out.push({
      type: 'figure',
      image: first,
      ...(more.length > 0 ? { images: more } : {}),
      caption: caption ?? '',
    });
  }

  private image(node: ElementNode): Image | null {
    const src = this.url(attr(node, 'src'));
    if (!src || src.startsWith('mailto:')) return null;
    const size = (name: string) => {
      const value = Number(attr(node, name));
      return Number.isInteger(value) && value > 0 ? value : undefined;
    };
    const width = size('width');
    const height = size('height');
    return {
      src,
      alt: collapse(attr(node, 'alt') ?? '').trim(),
      ...(width && height ? { width, height } : {}),
    };
  }

  private url(value: string | undefined): string | null {
    if (!value?.trim()) return null;
    let href: string;
    try {
      href = new URL(value.trim(), this.baseUrl).href;
    } catch {
      return null;
    }
    return isArticleLinkHref(href) ? href : null;
  }

  /**
   * Inline content as marks. Pictures met inside it are moved out to `figures` (a figure is a
   * block); with `paragraphs`, block elements inside become blank-line-separated runs.
   */
  private inline(nodes: readonly Node[], figures: ArticleBlock[], paragraphs = false): Inline[] {
    const out: Inline[] = [];
    for (const node of nodes) {
      if (node.type === 'text') {
        out.push(collapse(node.data));
        continue;
      }
      if (!('attribs' in node)) {
        if (node.type === 'cdata') out.push(...this.inline(node.children, figures, paragraphs));
        continue;
      }
      const name = node.name.toLowerCase();
      if (dropped.has(name)) continue;
      switch (name) {
        case 'br':
          out.push({ type: 'break' });
          break;
        case 'img': {
          const image = this.image(node);
          if (image) figures.push({ type: 'figure', image, caption: '' });
          break;
        }
        case 'a': {
          const children = this.inline(node.children, figures, paragraphs);
          const href = this.url(attr(node, 'href'));
          if (href && hasText(children)) out.push({ type: 'link', href, children });
          else out.push(...children);
          break;
        }
        case 'em':
        case 'i':
        case 'cite':
        case 'dfn':
        case 'var':
          out.push({ type: 'em', children: this.inline(node.children, figures, paragraphs) });
          break;
        case 'strong':
        case 'b':
          out.push({ type: 'strong', children: this.inline(node.children, figures, paragraphs) });
          break;
        case 'code':
        case 'kbd':
        case 'samp':
        case 'tt':
          out.push({ type: 'code', text: textContent(node) });
          break;
        default: {
          const isBlock =
            paragraphs &&
            (name === 'p' ||
              name === 'div' ||
              name === 'blockquote' ||
              name === 'pre' ||
              name === 'li' ||
              name === 'ul' ||
              name === 'ol' ||
              name in headingLevel);
          if (isBlock && hasText(out)) out.push({ type: 'break' }, { type: 'break' });
          out.push(...this.inline(node.children, figures, paragraphs));
        }
      }
    }
    return out;
  }
}

function textContent(node: Node): string {
  if (node.type === 'text') return node.data;
  if ('attribs' in node && dropped.has(node.name)) return '';
  if ('children' in node) return node.children.map(textContent).join('');
  return '';
}

const collapse = (text: string) =>
  text.replace(/[\s\u00a0]+/g, (ws) => (ws.includes('\u00a0') ? '\u00a0' : ' '));

function hasText(items: readonly Inline[]): boolean {
  return items.some((item) =>
    typeof item === 'string'
      ? item.trim().length > 0
      : item.type === 'code'
        ? item.text.length > 0
        : item.type === 'break'
          ? false
          : hasText(item.children),
  );
}

/**
 * Inline content made tidy: adjacent strings joined, whitespace trimmed at the edges and around
 * breaks, empty marks dropped; a lone string stays a plain string. Null when nothing is left.
 */
function tidy(items: readonly Inline[]): string | Inline[] | null {
  const merged = normalise(items);
  // Trim the edges: leading/trailing spaces and breaks.
  while (merged.length > 0) {
    const first = merged[0];
    if (typeof first === 'string' && first.trim() === '') merged.shift();
    else if (typeof first !== 'string' && first?.type === 'break') merged.shift();
    else break;
  }
  while (merged.length > 0) {
    const last = merged.at(-1);
    if (typeof last === 'string' && last.trim() === '') merged.pop();
    else if (typeof last !== 'string' && last?.type === 'break') merged.pop();
    else break;
  }
  if (merged.length === 0 || !hasText(merged)) return null;
  if (typeof merged[0] === 'string') merged[0] = merged[0].replace(/^\s+/, '');
  const lastIndex = merged.length - 1;
  const last = merged[lastIndex];
  if (typeof last === 'string') merged[lastIndex] = last.replace(/\s+$/, '');
  if (merged.length === 1 && typeof merged[0] === 'string') return merged[0];
  return merged;
}

function normalise(items: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const item of items) {
    let next: Inline | null = item;
    if (
      typeof item !== 'string' &&
      (item.type === 'link' || item.type === 'em' || item.type === 'strong')
    ) {
      const children = normalise(item.children);
      next = hasText(children) ? { ...item, children } : null;
      if (!next && item.type !== 'link') out.push(...children.filter((c) => typeof c === 'string'));
    }
    if (next === null) continue;
    const last = out.at(-1);
    if (typeof next === 'string') {
      if (next === '') continue;
      if (typeof last === 'string') out[out.length - 1] = (last + next).replace(/ {2,}/g, ' ');
      else if (last && typeof last !== 'string' && last.type === 'break')
        out.push(next.replace(/^ +/, ''));
      else out.push(next);
    } else {
      if (next.type === 'break' && typeof last === 'string')
        out[out.length - 1] = last.replace(/ +$/, '');
      out.push(next);
    }
  }
  return out;
}
