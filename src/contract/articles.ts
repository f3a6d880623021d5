// zod/mini: the article page's contract must not pull in the whole of zod (see ./zod-mini.ts).
import { z } from './zod-mini';

const isoDateTime = z.iso.datetime({ offset: true });
const mediaUrl = z.string().check(z.minLength(1));
const positiveInt = z.int().check(z.positive());
const nonEmpty = z.string().check(z.minLength(1));

export const imageSchema = z.object({
  src: mediaUrl,
  width: positiveInt,
  height: positiveInt,
  alt: z.string(),
  /** Extra encodings/sizes of the same picture, for srcset. */
  variants: z.optional(z.array(z.object({ src: mediaUrl, width: positiveInt, type: z.string() }))),
});
export type Image = z.infer<typeof imageSchema>;

export const paragraphBlockSchema = z.object({
  type: z.literal('paragraph'),
  text: nonEmpty,
});

export const quoteBlockSchema = z.object({
  type: z.literal('quote'),
  text: nonEmpty,
  attribution: z.optional(z.string()),
});

export const figureBlockSchema = z.object({
  type: z.literal('figure'),
  image: imageSchema,
  caption: z.string(),
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

export const articleBlockSchema = z.discriminatedUnion('type', [
  paragraphBlockSchema,
  quoteBlockSchema,
  figureBlockSchema,
  videoBlockSchema,
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
  image: imageSchema,
});
export type ArticleSummary = z.infer<typeof articleSummarySchema>;

export const articleSchema = z.extend(articleSummarySchema, {
  source: z.object({ name: nonEmpty, url: z.url({ protocol: /^https?$/ }) }),
  body: z.array(articleBlockSchema).check(z.minLength(1)),
});
export type Article = z.infer<typeof articleSchema>;

export const articleListSchema = z.object({ articles: z.array(articleSummarySchema) });
export type ArticleList = z.infer<typeof articleListSchema>;
