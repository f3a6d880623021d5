// zod/mini: the article page's contract must not pull in the whole of zod (see ./zod-mini.ts).
import { z } from './zod-mini';

const isoDateTime = z.iso.datetime({ offset: true });
const mediaUrl = z.string().check(z.minLength(1));
const positiveInt = z.int().check(z.positive());
const nonEmpty = z.string().check(z.minLength(1));

export const imageSchema = z.object({
  src: mediaUrl,
  /** Optional for imported pictures whose size the source did not say; set it when known. */
  width: z.optional(positiveInt),
  height: z.optional(positiveInt),
  alt: z.string(),
  /** Extra encodings/sizes of the same picture, for srcset. */
  variants: z.optional(z.array(z.object({ src: mediaUrl, width: positiveInt, type: z.string() }))),
});
export type Image = z.infer<typeof imageSchema>;

/**
 * Where a link inside an article may point: http(s) and mailto only, so that no imported body
 * can carry a javascript: or data: link. Parsed, not matched, as a browser would read it.
 */
export function isArticleLinkHref(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol === 'mailto:') return url.pathname.length > 0;
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
}

/**
 * Text with inline marks: a plain string, or a run of strings and marks. Marks nest (a link in
 * bold); code and line breaks hold no marks.
 */
export type Inline =
  | string
  | { type: 'link'; href: string; children: Inline[] }
  | { type: 'em'; children: Inline[] }
  | { type: 'strong'; children: Inline[] }
  | { type: 'code'; text: string }
  | { type: 'break' };
export type RichText = string | Inline[];

const inlineChildren = () => z.array(inlineSchema);
export const inlineSchema: z.ZodMiniType<Inline> = z.union([
  z.string(),
  z.object({
    type: z.literal('link'),
    href: z.string().check(z.refine(isArticleLinkHref, 'Links may be http(s) or mailto only')),
    get children() {
      return inlineChildren();
    },
  }),
  z.object({
    type: z.literal('em'),
    get children() {
      return inlineChildren();
    },
  }),
  z.object({
    type: z.literal('strong'),
    get children() {
      return inlineChildren();
    },
  }),
  z.object({ type: z.literal('code'), text: z.string() }),
  z.object({ type: z.literal('break') }),
]);

/** Plain text as stored before marks existed, or a non-empty run of inline content. */
const richText = z.union([nonEmpty, z.array(inlineSchema).check(z.minLength(1))]);
/** The same, where empty is allowed (a figure without a caption). */
const optionalRichText = z.union([z.string(), z.array(inlineSchema)]);

export const paragraphBlockSchema = z.object({
  type: z.literal('paragraph'),
  text: richText,
});

export const headingBlockSchema = z.object({
  type: z.literal('heading'),
  /** The headline is the page's h1: sections start at h2. */
  level: z.union([z.literal(2), z.literal(3), z.literal(4)]),
  text: richText,
});

export const listBlockSchema = z.object({
  type: z.literal('list'),
  ordered: z.boolean(),
  items: z.array(richText).check(z.minLength(1)),
});

export const quoteBlockSchema = z.object({
  type: z.literal('quote'),
  text: richText,
  /** Who said it: shown under the quote as its citation. */
  attribution: z.optional(z.string()),
});

export const figureBlockSchema = z.object({
  type: z.literal('figure'),
  image: imageSchema,
  /** Further pictures of the same figure (a gallery), shown after `image`, under one caption. */
  images: z.optional(z.array(imageSchema)),
  caption: optionalRichText,
  credit: z.optional(z.string()),
});

export const videoBlockSchema = z.object({
  type: z.literal('video'),
  title: nonEmpty,
  durationSeconds: z.number().check(z.positive()),
  poster: imageSchema,
  sources: z.array(z.object({ src: mediaUrl, type: z.string() })).check(z.minLength(1)),
  captions: z.object({ src: mediaUrl, srclang: z.string(), label: z.string() }),
});

export const preformattedBlockSchema = z.object({
  type: z.literal('preformatted'),
  /** Shown as it is, whitespace and all (code, poetry, tables of figures). */
  text: nonEmpty,
});

export const articleBlockSchema = z.discriminatedUnion('type', [
  paragraphBlockSchema,
  headingBlockSchema,
  listBlockSchema,
  quoteBlockSchema,
  figureBlockSchema,
  videoBlockSchema,
  preformattedBlockSchema,
]);
export type ArticleBlock = z.infer<typeof articleBlockSchema>;
export type FigureBlock = z.infer<typeof figureBlockSchema>;
export type VideoBlock = z.infer<typeof videoBlockSchema>;

export const articleSummarySchema = z.object({
  slug: z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)),
  headline: nonEmpty,
  publishedAt: isoDateTime,
  updatedAt: z.optional(isoDateTime),
  byline: z.optional(z.string()),
  summary: nonEmpty,
  /** The story's picture on the front page; an imported post may have none. */
  image: z.optional(imageSchema),
});
export type ArticleSummary = z.infer<typeof articleSummarySchema>;

export const articleSchema = z.extend(articleSummarySchema, {
  /** Where the story first appeared (the "Source link"); none for the site's own articles. */
  source: z.optional(z.object({ name: nonEmpty, url: z.url({ protocol: /^https?$/ }) })),
  body: z.array(articleBlockSchema).check(z.minLength(1)),
  /** Kept from an import (WordPress's categories and tags); not shown yet. */
  categories: z.optional(z.array(z.string())),
  tags: z.optional(z.array(z.string())),
});
export type Article = z.infer<typeof articleSchema>;

export const articleListSchema = z.object({ articles: z.array(articleSummarySchema) });
export type ArticleList = z.infer<typeof articleListSchema>;
