import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { articleSchema, type Article } from '../../src/contract/articles';
import type { Database, Transaction } from '../db/client';
import { articles, comments } from '../db/schema';
import { hashToken } from '../lib/tokens';
import type { ImportRecord } from './import-records';

export type ImportKind = 'wxr' | 'disqus' | 'feed' | 'markdown';

export interface ImportReport {
  dryRun: boolean;
  articles: { added: number; updated: number; unchanged: number };
  comments: { added: number; updated: number; unchanged: number };
  /** Why something was left out, with how many times. */
  skipped: Map<string, number>;
  /** What was imported but changed to fit (a reply re-attached), with how many times. */
  notes: Map<string, number>;
}

export function nothingChanged(report: ImportReport): boolean {
  return (
    report.articles.added +
      report.articles.updated +
      report.comments.added +
      report.comments.updated ===
    0
  );
}

class DryRunRollback extends Error {}

/** JSON with keys in order: jsonb does not keep the order a document was written in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : v,
  );
}

const normaliseUrl = (url: string) =>
  url
    .replace(/#.*$/, '')
    .replace(/\/+$/, '')
    .replace(/^https?:\/\//, '')
    .toLowerCase();

type CommentRow = typeof comments.$inferSelect;

/**
 * Writes what a converter read, in one transaction: all of it or, on any failure, none. Run
 * twice, it changes nothing the second time: an article is found again by its slug (with the
 * same "Source link"), a comment by the hash of its source id, kept where the server keeps a
 * resent comment's id (client_id_hash, unique per article). Articles' counts of approved
 * comments and their comments' version are set again for every article whose comments changed,
 * as the server's own writes do. `dryRun` does all the same work and rolls it back.
 */
export async function applyImport(
  db: Database,
  kind: ImportKind,
  records: AsyncIterable<ImportRecord>,
  { dryRun = false, onProgress }: { dryRun?: boolean; onProgress?: (records: number) => void } = {},
): Promise<ImportReport> {
  const report: ImportReport = {
    dryRun,
    articles: { added: 0, updated: 0, unchanged: 0 },
    comments: { added: 0, updated: 0, unchanged: 0 },
    skipped: new Map(),
    notes: new Map(),
  };
  const count = (map: Map<string, number>, reason: string) =>
    map.set(reason, (map.get(reason) ?? 0) + 1);
  try {
    await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('import', 0))`);
      const bySlug = new Map<string, { id: number; sourceUrl: string | undefined }>();
      const byUrl = new Map<string, number>();
      for (const row of await tx
        .select({ id: articles.id, slug: articles.slug, document: articles.document })
        .from(articles)) {
        const url = (row.document as Article).source?.url;
        bySlug.set(row.slug, { id: row.id, sourceUrl: url });
        if (url) byUrl.set(normaliseUrl(url), row.id);
      }
      /** This run's articles: the stored document before it (null: new), and the one now. */
      const touched = new Map<string, { id: number; before: Article | null; now: Article }>();
      const slugsThisRun = new Set<string>();
      const threads = new Map<string, number | null>();
      const commentsChangedOn = new Set<number>();
      const existingComments = new Map<number, Map<string, CommentRow>>();
      const placed = new Map<string, { id: number; threadId: number | null; depth: number }>();
      let seen = 0;

      const existingOn = async (articleId: number) => {
        let map = existingComments.get(articleId);
        if (!map) {
          map = new Map();
          const rows = await tx
            .select()
            .from(comments)
            .where(and(eq(comments.articleId, articleId), isNotNull(comments.clientIdHash)));
          for (const row of rows) if (row.clientIdHash) map.set(row.clientIdHash, row);
          existingComments.set(articleId, map);
        }
        return map;
      };

      for await (const record of records) {
        seen += 1;
        if (onProgress && seen % 200 === 0) onProgress(seen);
        switch (record.kind) {
          case 'skip':
            count(report.skipped, `${record.what}: ${record.reason}`);
            break;
          case 'note':
            count(report.notes, record.reason);
            break;
          case 'article': {
            const document = articleSchema.parse(record.article);
            if (slugsThisRun.has(document.slug)) {
              count(report.skipped, `article: slug "${document.slug}" repeated in this import`);
              break;
            }
            const existing = bySlug.get(document.slug);
            if (existing && existing.sourceUrl !== document.source?.url) {
              count(
                report.skipped,
                `article: slug "${document.slug}" is taken by another article (a different Source link)`,
              );
              break;
            }
            slugsThisRun.add(document.slug);
            let before: Article | null = null;
            let id: number;
            if (existing) {
              const [row] = await tx
                .select({ document: articles.document })
                .from(articles)
                .where(eq(articles.id, existing.id));
              before = row ? articleSchema.parse(row.document) : null;
              id = existing.id;
              if (canonical(before) !== canonical(document)) {
                await tx
                  .update(articles)
                  .set({ document, publishedAt: new Date(document.publishedAt) })
                  .where(eq(articles.id, id));
              }
            } else {
              const [row] = await tx
                .insert(articles)
                .values({
                  slug: document.slug,
                  publishedAt: new Date(document.publishedAt),
                  document,
                })
                .returning({ id: articles.id });
              if (!row) throw new Error('The article was not stored');
              id = row.id;
              bySlug.set(document.slug, { id, sourceUrl: document.source?.url });
              if (document.source) byUrl.set(normaliseUrl(document.source.url), id);
            }
            touched.set(record.key, { id, before, now: document });
            break;
          }
          case 'featured-image': {
            const entry = touched.get(record.articleKey);
            if (!entry) break;
            entry.now = { ...entry.now, image: record.image };
            await tx.update(articles).set({ document: entry.now }).where(eq(articles.id, entry.id));
            break;
          }
          case 'thread': {
            const id =
              record.urls.map((u) => byUrl.get(normaliseUrl(u))).find((v) => v !== undefined) ??
              record.slugs.map((s) => bySlug.get(s)?.id).find((v) => v !== undefined) ??
              null;
            threads.set(record.key, id);
            break;
          }
          case 'comment': {
            const articleId =
              'article' in record.target
                ? touched.get(record.target.article)?.id
                : (threads.get(record.target.thread) ?? undefined);
            if (articleId === undefined) {
              count(
                report.skipped,
                'article' in record.target
                  ? 'comment: its article was not imported'
                  : 'comment: no article matches its Disqus thread (by link or slug): import the articles first',
              );
              break;
            }
            const parent = record.parentKey === null ? undefined : placed.get(record.parentKey);
            if (record.parentKey !== null && !parent)
              count(report.notes, 'reply to a comment not imported, made a top-level comment');
            const hash = hashToken(`import:${kind}:${record.key}`);
            const values = {
              articleId,
              parentId: parent?.id ?? null,
              threadId: parent ? (parent.threadId ?? parent.id) : null,
              depth: parent ? parent.depth + 1 : 1,
              author: record.author,
              email: record.email,
              website: record.website,
              content: record.content,
              status: record.status,
              createdAt: new Date(record.createdAt),
              ip: record.ip,
            };
            const existing = (await existingOn(articleId)).get(hash);
            if (existing) {
              const same =
                existing.parentId === values.parentId &&
                existing.depth === values.depth &&
                existing.author === values.author &&
                existing.email === values.email &&
                existing.website === values.website &&
                existing.content === values.content &&
                existing.status === values.status &&
                existing.createdAt.getTime() === values.createdAt.getTime() &&
                existing.ip === values.ip;
              if (same) report.comments.unchanged += 1;
              else {
                await tx.update(comments).set(values).where(eq(comments.id, existing.id));
                report.comments.updated += 1;
                commentsChangedOn.add(articleId);
              }
              placed.set(record.key, {
                id: existing.id,
                threadId: values.threadId,
                depth: values.depth,
              });
            } else {
              const [row] = await tx
                .insert(comments)
                .values({ ...values, clientIdHash: hash })
                .returning({ id: comments.id });
              if (!row) throw new Error('The comment was not stored');
              report.comments.added += 1;
              commentsChangedOn.add(articleId);
              placed.set(record.key, {
                id: row.id,
                threadId: values.threadId,
                depth: values.depth,
              });
            }
            break;
          }
        }
      }
      onProgress?.(seen);
      const changed: number[] = [];
      for (const entry of touched.values()) {
        if (!entry.before) report.articles.added += 1;
        else if (canonical(entry.before) === canonical(entry.now)) report.articles.unchanged += 1;
        else {
          report.articles.updated += 1;
          changed.push(entry.id);
        }
      }
      // A changed article's cached pages are stale: its revision says so.
      if (changed.length > 0) {
        await tx
          .update(articles)
          .set({ revision: sql`${articles.revision} + 1` })
          .where(inArray(articles.id, changed));
      }
      await recount(tx, [...commentsChangedOn]);
      if (dryRun) throw new DryRunRollback();
    });
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
  }
  return report;
}

/** What every comment write on the server keeps in step: the count and the comments' version. */
async function recount(tx: Transaction, articleIds: number[]) {
  for (let i = 0; i < articleIds.length; i += 1000) {
    const ids = articleIds.slice(i, i + 1000);
    await tx
      .update(articles)
      .set({
        approvedComments: sql`(select count(*)::int from ${comments} where ${comments.articleId} = ${articles.id} and ${comments.status} = 'approved')`,
        commentsVersion: sql`pg_current_xact_id()::text::bigint`,
      })
      .where(inArray(articles.id, ids));
  }
}
