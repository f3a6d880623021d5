import type { Article } from '../../../src/contract/articles';
import { bodyHtml, escapeMarkup } from '../../export/body-html';

const rfc822 = (iso: string | Date) => new Date(iso).toUTCString();
const articleUrl = (site: string, slug: string) =>
  new URL(`/articles/${encodeURIComponent(slug)}`, site).href;
const cdata = (text: string) => `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;

/** The site's articles as RSS 2.0, with their comment counts (slash:comments) and comment feeds. */
export function articlesFeed(
  site: string,
  items: readonly { article: Article; comments: number }[],
): string {
  const self = new URL('/feed.xml', site).href;
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:slash="http://purl.org/rss/1.0/modules/slash/" xmlns:wfw="http://wellformedweb.org/CommentAPI/">
<channel>
<title>The Daily Thread</title>
<link>${escapeMarkup(new URL('/', site).href)}</link>
<atom:link href="${escapeMarkup(self)}" rel="self" type="application/rss+xml" />
<description>News stories with a comment section worth reading.</description>
<language>en</language>
${items[0] ? `<lastBuildDate>${rfc822(items[0].article.updatedAt ?? items[0].article.publishedAt)}</lastBuildDate>\n` : ''}${items
    .map(({ article, comments }) => {
      const link = articleUrl(site, article.slug);
      const author = article.byline?.replace(/^By\s+/i, '');
      return `<item>
<title>${escapeMarkup(article.headline)}</title>
<link>${escapeMarkup(link)}</link>
<guid isPermaLink="true">${escapeMarkup(link)}</guid>
<pubDate>${rfc822(article.publishedAt)}</pubDate>
${author ? `<dc:creator>${escapeMarkup(author)}</dc:creator>\n` : ''}${[...(article.categories ?? []), ...(article.tags ?? [])].map((term) => `<category>${escapeMarkup(term)}</category>\n`).join('')}<description>${escapeMarkup(article.summary)}</description>
<content:encoded>${cdata(bodyHtml(article.body, site))}</content:encoded>
<comments>${escapeMarkup(`${link}#comments`)}</comments>
<wfw:commentRss>${escapeMarkup(`${link}/comments.xml`)}</wfw:commentRss>
<slash:comments>${comments}</slash:comments>
</item>`;
    })
    .join('\n')}
</channel>
</rss>
`;
}

export interface FeedComment {
  id: number;
  author: string;
  content: string;
  createdAt: Date;
}

/** An article's approved comments, newest first, as RSS 2.0: names and text, never an email. */
export function commentsFeed(
  site: string,
  article: Article,
  comments: readonly FeedComment[],
): string {
  const link = articleUrl(site, article.slug);
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${escapeMarkup(`Comments on: ${article.headline}`)}</title>
<link>${escapeMarkup(link)}</link>
<atom:link href="${escapeMarkup(`${link}/comments.xml`)}" rel="self" type="application/rss+xml" />
<description>${escapeMarkup(article.summary)}</description>
<language>en</language>
${comments
  .map((c) => {
    const url = `${link}#comment-${c.id}`;
    return `<item>
<title>${escapeMarkup(`By: ${c.author || 'Anonymous'}`)}</title>
<link>${escapeMarkup(url)}</link>
<guid isPermaLink="true">${escapeMarkup(url)}</guid>
<dc:creator>${escapeMarkup(c.author || 'Anonymous')}</dc:creator>
<pubDate>${rfc822(c.createdAt)}</pubDate>
<description>${escapeMarkup(c.content)}</description>
<content:encoded>${cdata(
      c.content
        .split(/\n{2,}/)
        .map((p) => `<p>${escapeMarkup(p).replaceAll('\n', '<br />')}</p>`)
        .join(''),
    )}</content:encoded>
</item>`;
  })
  .join('\n')}
</channel>
</rss>
`;
}
