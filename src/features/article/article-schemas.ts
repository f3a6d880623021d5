import { z } from '../../lib/zod';

const isoDateTime = z.iso.datetime({ offset: true });
const mediaUrl = z.string().min(1);

export const imageSchema = z.object({
  src: mediaUrl,
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  alt: z.string(),
  /** Extra encodings/sizes of the same picture, for srcset. */
  variants: z
    .array(z.object({ src: mediaUrl, width: z.number().int().positive(), type: z.string() }))
    .optional(),
});
export type Image = z.infer<typeof imageSchema>;

export const paragraphBlockSchema = z.object({
  type: z.literal('paragraph'),
  text: z.string().min(1),
});

export const quoteBlockSchema = z.object({
  type: z.literal('quote'),
  text: z.string().min(1),
  attribution: z.string().optional(),
});

export const figureBlockSchema = z.object({
  type: z.literal('figure'),
  image: imageSchema,
  caption: z.string(),
  credit: z.string().optional(),
});

export const videoBlockSchema = z.object({
  type: z.literal('video'),
  title: z.string().min(1),
  durationSeconds: z.number().positive(),
  poster: imageSchema,
  sources: z.array(z.object({ src: mediaUrl, type: z.string() })).min(1),
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
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  headline: z.string().min(1),
  publishedAt: isoDateTime,
  updatedAt: isoDateTime.optional(),
  byline: z.string().optional(),
  summary: z.string().min(1),
  image: imageSchema,
});
export type ArticleSummary = z.infer<typeof articleSummarySchema>;

export const articleSchema = articleSummarySchema.extend({
  source: z.object({ name: z.string().min(1), url: z.url({ protocol: /^https?$/ }) }),
  body: z.array(articleBlockSchema).min(1),
});
export type Article = z.infer<typeof articleSchema>;

export const articleListSchema = z.object({ articles: z.array(articleSummarySchema) });
export type ArticleList = z.infer<typeof articleListSchema>;
