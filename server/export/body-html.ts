import type { ArticleBlock, Image, Inline, RichText } from '../../src/contract/articles';

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
/** Text for HTML or XML: nothing in it can open a tag, an entity or leave an attribute. */
export const escapeMarkup = (text: string) => text.replace(/[&<>"']/g, (ch) => entities[ch] ?? ch);

function inline(item: Inline): string {
  if (typeof item === 'string') return escapeMarkup(item);
  switch (item.type) {
    case 'link':
      return `<a href="${escapeMarkup(item.href)}">${item.children.map(inline).join('')}</a>`;
    case 'em':
      return `<em>${item.children.map(inline).join('')}</em>`;
    case 'strong':
      return `<strong>${item.children.map(inline).join('')}</strong>`;
    case 'code':
      return `<code>${escapeMarkup(item.text)}</code>`;
    case 'break':
      return '<br />';
  }
}

export const richHtml = (value: RichText) =>
  typeof value === 'string' ? escapeMarkup(value) : value.map(inline).join('');

/** Root-relative media (the sample articles') made absolute, for a feed read elsewhere. */
const absolute = (src: string, base?: string) => (base ? new URL(src, base).href : src);

function img(image: Image, base?: string): string {
  const size =
    image.width && image.height ? ` width="${image.width}" height="${image.height}"` : '';
  return `<img src="${escapeMarkup(absolute(image.src, base))}" alt="${escapeMarkup(image.alt)}"${size} />`;
}

/**
 * The body model as the HTML WordPress stores in post_content (and feeds carry), built from
 * escaped text only. A video (which WordPress would hold as a block of its own) becomes a
 * link to its first source under its title.
 */
export function bodyHtml(blocks: readonly ArticleBlock[], base?: string): string {
  return blocks
    .map((block) => {
      switch (block.type) {
        case 'paragraph':
          return `<p>${richHtml(block.text)}</p>`;
        case 'heading':
          return `<h${block.level}>${richHtml(block.text)}</h${block.level}>`;
        case 'list': {
          const tag = block.ordered ? 'ol' : 'ul';
          return `<${tag}>${block.items.map((item) => `<li>${richHtml(item)}</li>`).join('')}</${tag}>`;
        }
        case 'quote':
          return `<blockquote><p>${richHtml(block.text)}</p>${block.attribution ? `<cite>${escapeMarkup(block.attribution)}</cite>` : ''}</blockquote>`;
        case 'figure': {
          const caption =
            richHtml(block.caption) + (block.credit ? ` ${escapeMarkup(block.credit)}` : '');
          return `<figure>${[block.image, ...(block.images ?? [])].map((i) => img(i, base)).join('')}${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`;
        }
        case 'video': {
          const source = block.sources[0];
          return `<p><a href="${escapeMarkup(absolute(source?.src ?? '', base))}">${escapeMarkup(block.title)}</a></p>`;
        }
        case 'preformatted':
          return `<pre>${escapeMarkup(block.text)}</pre>`;
      }
    })
    .join('\n');
}
