import type { Token, Tokens } from 'marked';
import type { ArticleBlock } from '../src/contract/articles';

/**
 * The mock's Markdown to body model: a simpler cousin of the server's (which runs marked's HTML
 * through the importers' HTML reader, server-only): paragraphs, headings, lists, quotes, code
 * and pictures, their text plain (no inline marks). Enough to try the editor under npm run dev.
 * marked is loaded on first use: building its rules at load time is a long task on a phone, and
 * the mock starts on every demo reader's comment section, where no Markdown is ever read.
 */
export async function mockMarkdownToBody(markdown: string): Promise<ArticleBlock[]> {
  const { marked } = await import('marked');
  const out: ArticleBlock[] = [];
  const plain = (tokens: Token[] | undefined, fallback: string) =>
    tokens
      ? tokens
          .filter((t) => t.type !== 'image')
          .map((t) => ('text' in t ? String(t.text) : t.raw))
          .join('')
          .trim()
      : fallback.trim();
  for (const token of marked.lexer(markdown)) {
    switch (token.type) {
      case 'heading': {
        const t = token as Tokens.Heading;
        out.push({
          type: 'heading',
          level: Math.min(4, Math.max(2, t.depth)) as 2 | 3 | 4,
          text: t.text,
        });
        break;
      }
      case 'paragraph': {
        const t = token as Tokens.Paragraph;
        for (const image of t.tokens.filter((i): i is Tokens.Image => i.type === 'image')) {
          const [caption = '', credit] = (image.title ?? '').split(' | ');
          out.push({
            type: 'figure',
            image: { src: image.href, alt: image.text },
            caption: caption.trim(),
            ...(credit ? { credit: credit.trim() } : {}),
          });
        }
        const text = plain(t.tokens, t.text);
        if (text) out.push({ type: 'paragraph', text });
        break;
      }
      case 'list': {
        const t = token as Tokens.List;
        out.push({ type: 'list', ordered: t.ordered, items: t.items.map((i) => i.text.trim()) });
        break;
      }
      case 'blockquote':
        out.push({ type: 'quote', text: (token as Tokens.Blockquote).text.trim() });
        break;
      case 'code':
        out.push({ type: 'preformatted', text: (token as Tokens.Code).text });
        break;
      default:
        break;
    }
  }
  return out;
}
