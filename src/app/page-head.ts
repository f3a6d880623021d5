import type { Article, ArticleList, Image } from '../contract/articles';
import type { Comment } from '../contract/comments';
import { articlePath, pageTitle, siteDescription, siteName, siteUrl } from '../lib/site';

/**
 * What crawlers and link previews read, written into the prerendered <head>: title,
 * description, canonical link, Open Graph, Twitter card and schema.org JSON-LD. (After
 * hydration, client-side navigation keeps title, description and canonical in step; see
 * useDocumentHead.)
 */
export interface PageHead {
  title: string;
  description: string;
  canonical: string;
  image?: { url: string; width?: number; height?: number; alt: string };
  type: 'article' | 'website';
  publishedAt?: string;
  updatedAt?: string;
  jsonLd: object;
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** JSON inside a <script> element: nothing in it may close the element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const publisher = () => ({
  '@type': 'NewsMediaOrganization',
  name: siteName,
  url: siteUrl('/'),
  logo: { '@type': 'ImageObject', url: siteUrl('/favicon.svg') },
});

/** The comments the page shows, as schema.org Comment items (held and deleted ones are not shown). */
function commentItems(canonical: string, comments: readonly Comment[]) {
  return comments
    .filter((comment) => comment.status === 'approved')
    .map((comment) => ({
      '@type': 'Comment',
      '@id': `${canonical}#comment-${comment.id}`,
      url: `${canonical}#comment-${comment.id}`,
      text: comment.content,
      dateCreated: comment.createdAt,
      ...(comment.editedAt ? { dateModified: comment.editedAt } : {}),
      author: { '@type': 'Person', name: comment.author },
      ...(comment.parentId
        ? { parentItem: { '@id': `${canonical}#comment-${comment.parentId}` } }
        : {}),
    }));
}

function headImage(image: Image): NonNullable<PageHead['image']> {
  return { url: siteUrl(image.src), width: image.width, height: image.height, alt: image.alt };
}

/** An article's head; `comments` are those its HTML shows (page 1), for the JSON-LD. */
export function articleHead(
  article: Article,
  commentCount: number,
  comments: readonly Comment[] = [],
): PageHead {
  const canonical = siteUrl(articlePath(article.slug));
  const image = article.image ? headImage(article.image) : undefined;
  const author = article.byline?.replace(/^By\s+/i, '');
  return {
    title: pageTitle(article.headline),
    description: article.summary,
    canonical,
    image,
    type: 'article',
    publishedAt: article.publishedAt,
    updatedAt: article.updatedAt,
    jsonLd: {
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      '@id': canonical,
      mainEntityOfPage: { '@type': 'WebPage', '@id': canonical },
      url: canonical,
      headline: article.headline,
      description: article.summary,
      datePublished: article.publishedAt,
      dateModified: article.updatedAt ?? article.publishedAt,
      ...(image
        ? {
            image: [
              {
                '@type': 'ImageObject',
                url: image.url,
                width: image.width,
                height: image.height,
                caption: image.alt,
              },
            ],
          }
        : {}),
      ...(author ? { author: [{ '@type': 'Person', name: author }] } : {}),
      publisher: publisher(),
      commentCount,
      ...(comments.length > 0 ? { comment: commentItems(canonical, comments) } : {}),
      ...(article.source ? { isBasedOn: article.source.url } : {}),
      inLanguage: 'en',
    },
  };
}

/** An address the site does not have: not for indexing. */
export function notFoundHead(): PageHead {
  return {
    title: pageTitle('Page not found'),
    description: siteDescription,
    canonical: siteUrl('/'),
    type: 'website',
    jsonLd: { '@context': 'https://schema.org', '@type': 'WebPage', name: 'Page not found' },
  };
}

export function frontPageHead(list: ArticleList): PageHead {
  const canonical = siteUrl('/');
  const lead = list.articles[0];
  return {
    title: pageTitle(),
    description: siteDescription,
    canonical,
    type: 'website',
    image: lead?.image ? headImage(lead.image) : undefined,
    jsonLd: {
      '@context': 'https://schema.org',
      '@graph': [
        {
          '@type': 'WebSite',
          '@id': `${canonical}#website`,
          url: canonical,
          name: siteName,
          description: siteDescription,
          publisher: publisher(),
          inLanguage: 'en',
        },
        {
          '@type': 'ItemList',
          name: 'Latest stories',
          itemListElement: list.articles.map((story, index) => ({
            '@type': 'ListItem',
            position: index + 1,
            url: siteUrl(articlePath(story.slug)),
            name: story.headline,
          })),
        },
      ],
    },
  };
}

/**
 * A preload for the page's largest picture (the lead story's, or an article's first figure or
 * video poster), for the top of <head>: the browser starts it before the render-blocking init
 * script and the app's code. Same srcset and sizes as the <picture>, so it is one download.
 */
export function leadImagePreload(image: Image, sizes: string): string {
  const webp = (image.variants ?? []).filter((v) => v.type === 'image/webp');
  if (webp.length === 0) {
    return `<link rel="preload" as="image" href="${escapeHtml(image.src)}" fetchpriority="high" />`;
  }
  const srcset = webp.map((v) => `${v.src} ${v.width}w`).join(', ');
  return `<link rel="preload" as="image" type="image/webp" imagesrcset="${escapeHtml(srcset)}" imagesizes="${escapeHtml(sizes)}" fetchpriority="high" />`;
}

export function articleLeadImage(article: Article): Image | undefined {
  const first = article.body.find((block) => block.type === 'figure' || block.type === 'video');
  // Only the first block is loaded eagerly (article-body.tsx): a later one is below the fold.
  if (!first || article.body.indexOf(first) !== 0) return undefined;
  return first.type === 'figure' ? first.image : first.type === 'video' ? first.poster : undefined;
}

/** The tags, as HTML for the prerendered <head> (title and description replace the template's). */
export function headHtml(head: PageHead): string {
  const meta = (attr: 'name' | 'property', key: string, content: string) =>
    `<meta ${attr}="${key}" content="${escapeHtml(content)}" />`;
  const tags = [
    `<title>${escapeHtml(head.title)}</title>`,
    meta('name', 'description', head.description),
    `<link rel="canonical" href="${escapeHtml(head.canonical)}" />`,
    meta('property', 'og:site_name', siteName),
    meta('property', 'og:type', head.type),
    meta('property', 'og:title', head.title),
    meta('property', 'og:description', head.description),
    meta('property', 'og:url', head.canonical),
    meta('property', 'og:locale', 'en_US'),
    meta('name', 'twitter:card', head.image ? 'summary_large_image' : 'summary'),
    meta('name', 'twitter:title', head.title),
    meta('name', 'twitter:description', head.description),
  ];
  if (head.image) {
    tags.push(
      meta('property', 'og:image', head.image.url),
      ...(head.image.width && head.image.height
        ? [
            meta('property', 'og:image:width', String(head.image.width)),
            meta('property', 'og:image:height', String(head.image.height)),
          ]
        : []),
      meta('property', 'og:image:alt', head.image.alt),
      meta('name', 'twitter:image', head.image.url),
      meta('name', 'twitter:image:alt', head.image.alt),
    );
  }
  if (head.publishedAt) tags.push(meta('property', 'article:published_time', head.publishedAt));
  if (head.updatedAt) tags.push(meta('property', 'article:modified_time', head.updatedAt));
  // Data, not code: the CSP's script-src does not apply to it.
  tags.push(`<script type="application/ld+json">${scriptJson(head.jsonLd)}</script>`);
  return tags.join('\n    ');
}
