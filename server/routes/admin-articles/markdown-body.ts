import { marked, type Tokens } from 'marked';
import type { ArticleBlock } from '../../../src/contract/articles';
import { htmlToBody } from '../../import/html-to-body';

/**
 * An editor's Markdown as the body model, through the importers' own converter (marked, then
 * the HTML reader that keeps only what the model holds). A picture's title becomes its
 * figure's caption, and what follows the title's last " | " the credit:
 * `![A flooded street](https://… "Water Street at noon | Photo: A. Reporter")`.
 */
const normal = (url: string) => {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
};

export function markdownToBody(markdown: string): ArticleBlock[] {
  const tokens = marked.lexer(markdown);
  const titles: { href: string; title: string }[] = [];
  marked.walkTokens(tokens, (token) => {
    if (token.type === 'image') {
      const image = token as Tokens.Image;
      if (image.title) titles.push({ href: normal(image.href), title: image.title });
    }
  });
  const body = htmlToBody(marked.parser(tokens));
  if (titles.length === 0) return body;
  return body.map((block) => {
    if (block.type !== 'figure' || block.caption !== '') return block;
    const index = titles.findIndex((t) => t.href === normal(block.image.src));
    if (index < 0) return block;
    const [{ title }] = titles.splice(index, 1) as [{ href: string; title: string }];
    const cut = title.lastIndexOf(' | ');
    const caption = (cut < 0 ? title : title.slice(0, cut)).trim();
    const credit = cut < 0 ? '' : title.slice(cut + 3).trim();
    return { ...block, caption, ...(credit ? { credit } : {}) };
  });
}
