import { desc, eq, sql } from 'drizzle-orm';
import type {
  AdminArticle,
  AdminArticleSummary,
  ArticleInput,
  ArticleStatus,
} from '../../../src/contract/admin-articles';
import { articleSchema, type Article } from '../../../src/contract/articles';
import type { Database, Queryable } from '../../db/client';
import { articles } from '../../db/schema';
import { audit } from '../moderation/audit-store';
import { markdownToBody } from './markdown-body';

type Row = typeof articles.$inferSelect;

export function statusOf(row: { draft: boolean; publishedAt: Date }, now: Date): ArticleStatus {
  if (row.draft) return 'draft';
  return row.publishedAt.getTime() > now.getTime() ? 'scheduled' : 'published';
}

function summaryOf(row: Row, now: Date): AdminArticleSummary {
  const document = row.document as Article;
  return {
    id: String(row.id),
    slug: row.slug,
    title: document.headline,
    status: statusOf(row, now),
    publishedAt: row.publishedAt.toISOString(),
    revision: row.revision,
  };
}

function adminArticleOf(row: Row, now: Date): AdminArticle {
  const article = articleSchema.parse(row.document);
  return {
    ...summaryOf(row, now),
    description: article.summary,
    markdown: row.markdown ?? '',
    article,
  };
}

/** What went wrong with an editor's input, by field, or the article. */
export type SaveOutcome =
  | { kind: 'saved'; article: AdminArticle }
  | { kind: 'invalid'; status: 400 | 409; message: string; fieldErrors: Record<string, string> }
  | { kind: 'missing' };

const noText = {
  kind: 'invalid',
  status: 400,
  message: 'The article has no text.',
  fieldErrors: { markdown: 'Write the article’s text: it has no paragraph, heading or picture.' },
} as const;

/** Who made a change, in the audit entry's detail when no account did. */
const byCli = (editorId: number | null, detail: string | null = null) =>
  editorId === null ? [detail, 'by npm run article'].filter(Boolean).join(', ') : detail;

const slugTaken = (slug: string) =>
  ({
    kind: 'invalid',
    status: 409,
    message: `Another article has the slug ${slug}.`,
    fieldErrors: { slug: `Another article has the address ${slug}: choose another slug.` },
  }) as const;

/** The article's document from an editor's input; null when the Markdown makes no body. */
function documentOf(input: ArticleInput, publishedAt: Date, before?: Article): Article | null {
  const body = markdownToBody(input.markdown);
  if (body.length === 0) return null;
  return articleSchema.parse({
    ...before,
    slug: input.slug,
    headline: input.title,
    summary: input.description,
    publishedAt: publishedAt.toISOString(),
    body,
  });
}

/** Every article, drafts and scheduled ones too, newest first. */
export async function listAdminArticles(db: Queryable, now: Date) {
  const rows = await db
    .select()
    .from(articles)
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(500);
  return { articles: rows.map((r) => summaryOf(r, now)) };
}

export async function findAdminArticle(db: Queryable, id: number, now: Date) {
  const [row] = await db.select().from(articles).where(eq(articles.id, id)).limit(1);
  return row ? adminArticleOf(row, now) : null;
}

async function slugOwner(db: Queryable, slug: string) {
  const [row] = await db
    .select({ id: articles.id })
    .from(articles)
    .where(eq(articles.slug, slug))
    .limit(1);
  return row?.id ?? null;
}

/** The unique index settles a race the look-up did not see. */
const isUniqueViolation = (error: unknown) => {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
};

/**
 * A new article, a draft unless `publishAt` is given (the CLI publishes in one step). In one
 * transaction with its audit entry.
 */
export function createArticle(
  db: Database,
  input: ArticleInput,
  editorId: number | null,
  now: Date,
  publishAt?: Date,
): Promise<SaveOutcome> {
  return inTransaction(db, input.slug, (tx) => createIn(tx, input, editorId, now, publishAt));
}

async function inTransaction<T>(
  db: Database,
  slug: string,
  work: (tx: Queryable) => Promise<T>,
): Promise<T | ReturnType<typeof slugTaken>> {
  try {
    return await db.transaction(work);
  } catch (error) {
    if (isUniqueViolation(error)) return slugTaken(slug);
    throw error;
  }
}

async function createIn(
  tx: Queryable,
  input: ArticleInput,
  editorId: number | null,
  now: Date,
  publishAt?: Date,
): Promise<SaveOutcome> {
  const publishedAt = publishAt ?? now;
  const document = documentOf(input, publishedAt);
  if (!document) return noText;
  if ((await slugOwner(tx, input.slug)) !== null) return slugTaken(input.slug);
  const [row] = await tx
    .insert(articles)
    .values({
      slug: input.slug,
      publishedAt,
      document,
      draft: publishAt === undefined,
      markdown: input.markdown,
    })
    .returning();
  if (!row) throw new Error('The insert returned no row.');
  const status = statusOf(row, now);
  await audit(tx, now, [
    {
      moderatorId: editorId,
      action: 'create-article',
      articleId: row.id,
      toStatus: status,
      detail: byCli(editorId),
    },
  ]);
  return { kind: 'saved', article: adminArticleOf(row, now) };
}

/** New title, description, slug and text; the status and time stay as they were. */
export function updateArticle(
  db: Database,
  id: number,
  input: ArticleInput,
  editorId: number | null,
  now: Date,
): Promise<SaveOutcome> {
  return inTransaction(db, input.slug, (tx) => updateIn(tx, id, input, editorId, now));
}

async function updateIn(
  tx: Queryable,
  id: number,
  input: ArticleInput,
  editorId: number | null,
  now: Date,
): Promise<SaveOutcome> {
  const [before] = await tx.select().from(articles).where(eq(articles.id, id)).for('update');
  if (!before) return { kind: 'missing' } as const;
  const owner = await slugOwner(tx, input.slug);
  if (owner !== null && owner !== id) return slugTaken(input.slug);
  const previous = articleSchema.parse(before.document);
  const status = statusOf(before, now);
  const document = documentOf(input, before.publishedAt, previous);
  if (!document) return noText;
  // Readers see "Updated" only on an article they could already read.
  if (status === 'published') document.updatedAt = now.toISOString();
  const [row] = await tx
    .update(articles)
    .set({
      slug: input.slug,
      document,
      markdown: input.markdown,
      revision: sql`${articles.revision} + 1`,
    })
    .where(eq(articles.id, id))
    .returning();
  if (!row) return { kind: 'missing' } as const;
  await audit(tx, now, [
    {
      moderatorId: editorId,
      action: 'update-article',
      articleId: id,
      fromStatus: status,
      toStatus: status,
      detail: byCli(
        editorId,
        before.slug !== input.slug ? `slug ${before.slug} → ${input.slug}` : null,
      ),
    },
  ]);
  return { kind: 'saved', article: adminArticleOf(row, now) } as const;
}

/**
 * Publishes now, or schedules for `at` when it is in the future. Publishing an article readers
 * can already read, with no time given, keeps its original date.
 */
export function publishArticle(
  db: Database,
  id: number,
  at: Date | undefined,
  editorId: number | null,
  now: Date,
) {
  return db.transaction((tx) => publishIn(tx, id, at, editorId, now));
}

async function publishIn(
  tx: Queryable,
  id: number,
  at: Date | undefined,
  editorId: number | null,
  now: Date,
) {
  const [before] = await tx.select().from(articles).where(eq(articles.id, id)).for('update');
  if (!before) return null;
  const from = statusOf(before, now);
  const publishedAt = at ?? (from === 'published' ? before.publishedAt : now);
  const document = {
    ...articleSchema.parse(before.document),
    publishedAt: publishedAt.toISOString(),
  };
  delete document.updatedAt;
  const [row] = await tx
    .update(articles)
    .set({ draft: false, publishedAt, document, revision: sql`${articles.revision} + 1` })
    .where(eq(articles.id, id))
    .returning();
  if (!row) return null;
  const to = statusOf(row, now);
  await audit(tx, now, [
    {
      moderatorId: editorId,
      action: 'publish-article',
      articleId: id,
      fromStatus: from,
      toStatus: to,
      detail: byCli(editorId, to === 'scheduled' ? `for ${publishedAt.toISOString()}` : null),
    },
  ]);
  return adminArticleOf(row, now);
}

/** Back to a draft: readers lose it at once (its page, the front page, the feed, the API). */
export async function unpublishArticle(db: Database, id: number, editorId: number, now: Date) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(articles).where(eq(articles.id, id)).for('update');
    if (!before) return null;
    const [row] = await tx
      .update(articles)
      .set({ draft: true, revision: sql`${articles.revision} + 1` })
      .where(eq(articles.id, id))
      .returning();
    if (!row) return null;
    await audit(tx, now, [
      {
        moderatorId: editorId,
        action: 'unpublish-article',
        articleId: id,
        fromStatus: statusOf(before, now),
        toStatus: 'draft',
      },
    ]);
    return adminArticleOf(row, now);
  });
}

/**
 * The CLI's publish: the article with this slug is updated and published (at `at`, or keeping
 * the date it has if readers can read it already), or made and published (at `at`, or now). An
 * article that has this text, title and description already, and is published at that time, is
 * left as it is. One transaction; the audit entries have no moderator (`detail` says so).
 */
export async function publishBySlug(
  db: Database,
  input: ArticleInput,
  at: Date | undefined,
  now: Date,
): Promise<
  | Exclude<SaveOutcome, { kind: 'saved' }>
  | { kind: 'created' | 'updated' | 'unchanged'; article: AdminArticle }
> {
  return inTransaction(db, input.slug, async (tx) => {
    const [row] = await tx
      .select()
      .from(articles)
      .where(eq(articles.slug, input.slug))
      .for('update');
    if (!row) {
      const created = await createIn(tx, input, null, now, at ?? now);
      return created.kind === 'saved' ? { kind: 'created', article: created.article } : created;
    }
    const document = articleSchema.parse(row.document);
    const same =
      row.markdown === input.markdown &&
      document.headline === input.title &&
      document.summary === input.description &&
      statusOf(row, now) !== 'draft' &&
      (at === undefined || at.getTime() === row.publishedAt.getTime());
    if (same) return { kind: 'unchanged', article: adminArticleOf(row, now) };
    const updated = await updateIn(tx, row.id, input, null, now);
    if (updated.kind !== 'saved') return updated;
    const published = await publishIn(tx, row.id, at, null, now);
    return published ? { kind: 'updated', article: published } : { kind: 'missing' };
  });
}
