/**
 * The editors' article API: write, schedule, publish and unpublish articles. Shared by the
 * editor screen, the mock and the server; it imports nothing but zod and the article contract.
 *
 * Every path is under /api/admin/articles and passes the moderation API's guard (see
 * ./moderation.ts): a session cookie (401 "Sign in to moderate." without one), and on every
 * change the X-Moderation-Request: 1 header from this site's own pages (403 otherwise). A
 * signed-in account without the editor role gets 403 (moderationRefusals.editorsOnly). Answers are no-store;
 * errors have the contract's shape (./errors.ts), with fieldErrors naming the field.
 *
 *   GET  /api/admin/articles               every article, drafts and scheduled ones too, newest
 *                                          first → 200 adminArticleListSchema
 *   POST /api/admin/articles               a new draft (articleInputSchema) → 201 adminArticleSchema;
 *                                          400 with fieldErrors; 409 fieldErrors.slug when taken
 *   GET  /api/admin/articles/:id           → 200 adminArticleSchema; 404 unknown id
 *   PUT  /api/admin/articles/:id           replace title, description, slug and text
 *                                          (articleInputSchema); its status stays → 200, 400, 404, 409
 *   POST /api/admin/articles/:id/publish   publish now, or at publishedAt when it is in the future
 *                                          (scheduled) (publishRequestSchema) → 200 adminArticleSchema
 *   POST /api/admin/articles/:id/unpublish back to a draft, gone from readers at once → 200
 *   POST /api/admin/articles/preview       the body model the Markdown makes (previewRequestSchema)
 *                                          → 200 previewResponseSchema, nothing stored
 *
 * Markdown is CommonMark/GFM. A picture is `![alt text](https://… "Caption | Credit")`: the
 * title is the caption, and what follows its last " | " the credit. Every change bumps the
 * article's revision, so cached pages and feeds follow at once; each is in the audit log.
 */
import { articleBlockSchema, articleSchema } from './articles';
import { z } from './zod-mini';

export const adminArticlesBasePath = '/api/admin/articles';

/**
 * draft: readers never see it (new, or unpublished); scheduled: published, but its time has
 * not come; published: readers see it.
 */
export const articleStatusSchema = z.enum(['draft', 'scheduled', 'published']);
export type ArticleStatus = z.infer<typeof articleStatusSchema>;

const isoDateTime = z.iso.datetime({ offset: true });

export const maxMarkdownLength = 200_000;

export const articleInputSchema = z.object({
  title: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'Give the article a title.'),
      z.maxLength(300, 'The title can have at most 300 characters.'),
    ),
  description: z
    .string()
    .check(
      z.trim(),
      z.minLength(
        1,
        'Write a short description: readers see it on the front page and in the feed.',
      ),
      z.maxLength(1000, 'The description can have at most 1000 characters.'),
    ),
  slug: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'Give the article a slug, its address: like council-votes-on-budget.'),
      z.maxLength(200, 'The slug can have at most 200 characters.'),
      z.regex(
        /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
        'Use lower-case letters and digits, with single hyphens between words: like council-votes-on-budget.',
      ),
    ),
  markdown: z
    .string()
    .check(
      z.minLength(1, 'Write the article’s text.'),
      z.maxLength(maxMarkdownLength, 'The text can have at most 200,000 characters.'),
    ),
});
export type ArticleInput = z.infer<typeof articleInputSchema>;

export const publishRequestSchema = z.object({
  /** Absent: now. In the future: scheduled until then. */
  publishedAt: z.optional(isoDateTime),
});
export type PublishRequest = z.infer<typeof publishRequestSchema>;

export const adminArticleSummarySchema = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  status: articleStatusSchema,
  /** When it appeared or will appear; for a draft, when it was made or last published. */
  publishedAt: isoDateTime,
  revision: z.int(),
});
export type AdminArticleSummary = z.infer<typeof adminArticleSummarySchema>;

export const adminArticleListSchema = z.object({ articles: z.array(adminArticleSummarySchema) });
export type AdminArticleList = z.infer<typeof adminArticleListSchema>;

export const adminArticleSchema = z.extend(adminArticleSummarySchema, {
  description: z.string(),
  /** The Markdown it was written in; an imported article has none, and is edited from scratch. */
  markdown: z.string(),
  /** What readers get (once published). */
  article: articleSchema,
});
export type AdminArticle = z.infer<typeof adminArticleSchema>;

export const previewRequestSchema = z.object({
  markdown: z
    .string()
    .check(z.maxLength(maxMarkdownLength, 'The text can have at most 200,000 characters.')),
});
export const previewResponseSchema = z.object({ body: z.array(articleBlockSchema) });
export type PreviewResponse = z.infer<typeof previewResponseSchema>;
