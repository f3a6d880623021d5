/**
 * The file `npm run db:export` writes and `npm run db:import` reads: every article and every
 * comment, private fields included (email, IP, token hashes: the site owner's data, to be kept
 * like the database itself). Versioned, so a later format can still read this one or refuse it
 * by name; checked whole before anything is written, so a cut-short or edited-wrong file is
 * refused with the reason instead of half-loaded.
 */
import { z } from 'zod';
import { articleSchema } from '../../src/contract/articles';
import { commentRules } from '../../src/contract/comment-rules';
import { moderationSettingsSchema } from '../../src/contract/moderation';

export const exportFormat = 'the-daily-thread/export';
export const exportVersion = 1;

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const isoTime = z.iso.datetime({ offset: true });
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex');
const count = z.number().int().min(0);

const articleRecordSchema = z.strictObject({
  id,
  /** Bumped by each change of the article; pages cached under it. */
  revision: z.number().int().min(1),
  createdAt: isoTime,
  /** The article as the contract has it: its slug and publication time come from here. */
  document: articleSchema,
  /** An editor's draft (never shown to readers); absent in exports made before editors. */
  draft: z.boolean().optional(),
  /** The Markdown an editor wrote it in. */
  markdown: z.string().nullable().optional(),
});

const commentRecordSchema = z.strictObject({
  id,
  articleId: id,
  parentId: id.nullable(),
  threadId: id.nullable(),
  depth: z.number().int().min(1).max(commentRules.maxDepth),
  // A deleted comment's placeholder keeps no author, email or text: empty strings are right.
  author: z.string(),
  email: z.string(),
  website: z.string().nullable(),
  content: z.string(),
  status: z.enum(['approved', 'pending', 'deleted', 'spam', 'trash']),
  createdAt: isoTime,
  editedAt: isoTime.nullable(),
  authorTokenHash: sha256Hex.nullable(),
  editTokenHash: sha256Hex.nullable(),
  clientIdHash: sha256Hex.nullable(),
  ip: z.string().nullable(),
  // Added with moderation; a file from before has none of them.
  heldReasons: z.array(z.string()).default([]),
  statusBefore: z.enum(['approved', 'pending']).nullable().default(null),
  moderatorId: id.nullable().default(null),
});

/** A moderator account, its password as its argon2id hash. */
const moderatorRecordSchema = z.strictObject({
  id,
  name: z.string(),
  email: z.string(),
  passwordHash: z.string().min(1),
  role: z.enum(['moderator', 'editor']),
  disabledAt: isoTime.nullable(),
  createdAt: isoTime,
});

const auditRecordSchema = z.strictObject({
  id,
  at: isoTime,
  moderatorId: id.nullable(),
  action: z.string(),
  commentId: id.nullable(),
  articleId: id.nullable(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  detail: z.string().nullable(),
});
export type ModeratorRecord = z.infer<typeof moderatorRecordSchema>;
export type AuditRecordRow = z.infer<typeof auditRecordSchema>;

export type ArticleRecord = z.infer<typeof articleRecordSchema>;
export type CommentRecord = z.infer<typeof commentRecordSchema>;

const headerSchema = z.object({ format: z.literal(exportFormat), version: z.number().int() });

export const dataExportSchema = z
  .strictObject({
    format: z.literal(exportFormat),
    version: z.literal(exportVersion),
    exportedAt: isoTime,
    /** Written first, checked last: a file that lost records on the way says so. */
    counts: z.strictObject({ articles: count, comments: count }),
    articles: z.array(articleRecordSchema),
    comments: z.array(commentRecordSchema),
    // Moderation's tables (sessions and sign-in failures are not kept: they are transient).
    moderators: z.array(moderatorRecordSchema).default([]),
    audit: z.array(auditRecordSchema).default([]),
    settings: z.nullable(moderationSettingsSchema).default(null),
  })
  .superRefine((data, ctx) => {
    for (const problem of consistencyProblems(data)) {
      ctx.addIssue({ code: 'custom', message: problem.message, path: problem.path });
    }
  });
export type DataExport = z.infer<typeof dataExportSchema>;

interface Problem {
  path: (string | number)[];
  message: string;
}

/**
 * What the database's constraints would refuse half-way through (or, for threads and depth,
 * would not refuse but the API relies on), found before the first row is written.
 */
function consistencyProblems(data: Omit<DataExport, 'format'>): Problem[] {
  const problems: Problem[] = [];
  const moderatorIds = new Set(data.moderators.map((m) => m.id));
  data.comments.forEach((c, i) => {
    if (c.moderatorId !== null && !moderatorIds.has(c.moderatorId)) {
      problems.push({
        path: ['comments', i, 'moderatorId'],
        message: `moderator ${c.moderatorId} is not in the file`,
      });
    }
  });
  if (data.counts.articles !== data.articles.length) {
    problems.push({
      path: ['articles'],
      message: `the file says ${data.counts.articles} articles but holds ${data.articles.length}`,
    });
  }
  if (data.counts.comments !== data.comments.length) {
    problems.push({
      path: ['comments'],
      message: `the file says ${data.counts.comments} comments but holds ${data.comments.length}`,
    });
  }
  const articleIds = new Set<number>();
  const slugs = new Set<string>();
  data.articles.forEach((a, i) => {
    if (articleIds.has(a.id)) problems.push({ path: ['articles', i, 'id'], message: 'repeated' });
    if (slugs.has(a.document.slug)) {
      problems.push({ path: ['articles', i, 'document', 'slug'], message: 'repeated' });
    }
    articleIds.add(a.id);
    slugs.add(a.document.slug);
  });
  const byId = new Map(data.comments.map((c) => [c.id, c]));
  const clientIds = new Set<string>();
  data.comments.forEach((c, i) => {
    const at = (field: string, message: string) =>
      problems.push({ path: ['comments', i, field], message });
    if (byId.get(c.id) !== c) at('id', 'repeated');
    if (!articleIds.has(c.articleId)) at('articleId', `names no article in the file`);
    if (c.clientIdHash) {
      const key = `${c.articleId}:${c.clientIdHash}`;
      if (clientIds.has(key)) at('clientIdHash', 'repeated on this article');
      clientIds.add(key);
    }
    if (c.parentId === null) {
      if (c.threadId !== null) at('threadId', 'a top-level comment has no thread id');
      if (c.depth !== 1) at('depth', 'a top-level comment has depth 1');
      return;
    }
    const parent = byId.get(c.parentId);
    if (!parent || parent.articleId !== c.articleId) {
      at('parentId', 'names no comment on the same article');
      return;
    }
    if (c.threadId !== (parent.threadId ?? parent.id)) {
      at('threadId', `must be ${parent.threadId ?? parent.id}, the thread of its parent`);
    }
    if (c.depth !== Math.min(parent.depth + 1, commentRules.maxDepth)) {
      at('depth', `must be one more than its parent's (${parent.depth}), at most 5`);
    }
  });
  if (problems.length === 0 && !parentsFirst(data.comments)) {
    problems.push({
      path: ['comments'],
      message: 'some replies form a loop, with no top-level comment',
    });
  }
  return problems;
}

/**
 * The comments in an order the database takes them in (every parent before its replies),
 * whatever order their ids are in; null when some are not reached from a top-level comment.
 */
export function parentsFirst<C extends Pick<CommentRecord, 'id' | 'parentId'>>(
  records: readonly C[],
): C[] | null {
  const replies = new Map<number, C[]>();
  const pending: C[] = [];
  for (const c of records) {
    if (c.parentId === null) pending.push(c);
    else {
      const siblings = replies.get(c.parentId);
      if (siblings) siblings.push(c);
      else replies.set(c.parentId, [c]);
    }
  }
  const order: C[] = [];
  while (pending.length) {
    const next = pending.pop() as C;
    order.push(next);
    pending.push(...(replies.get(next.id) ?? []));
  }
  return order.length === records.length ? order : null;
}

/** A file that cannot be loaded, and why, in words for the person running the import. */
export class ExportFileError extends Error {
  override name = 'ExportFileError';
}

/** Reads an export file's text, or throws an ExportFileError saying what is wrong with it. */
export function parseExport(text: string): DataExport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ExportFileError(
      `The file is not valid JSON (${(error as Error).message}): was the export cut short?`,
    );
  }
  const header = headerSchema.safeParse(json);
  if (!header.success) {
    throw new ExportFileError(
      `The file is not an export of The Daily Thread (no "format": "${exportFormat}").`,
    );
  }
  if (header.data.version !== exportVersion) {
    throw new ExportFileError(
      header.data.version > exportVersion
        ? `The file is in export format ${header.data.version}, newer than this version reads (${exportVersion}): import it with the version that wrote it or a later one.`
        : `The file is in export format ${header.data.version}, which this version no longer reads.`,
    );
  }
  const result = dataExportSchema.safeParse(json);
  if (!result.success) {
    const shown = result.error.issues.slice(0, 10).map((issue) => {
      const where = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`));
      return `  ${where.join('').replace(/^\./, '') || '(file)'}: ${issue.message}`;
    });
    const more = result.error.issues.length - shown.length;
    throw new ExportFileError(
      `The file does not hold a loadable export:\n${shown.join('\n')}${more > 0 ? `\n  … and ${more} more` : ''}`,
    );
  }
  return result.data;
}

/**
 * The file's text: valid JSON with one record per line, so it greps, diffs and streams through
 * line tools, and costs little more than the compact form.
 */
export function serializeExport(data: DataExport): string {
  const list = (records: readonly unknown[]) =>
    records.length ? `[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]` : '[]';
  const head = JSON.stringify({
    format: data.format,
    version: data.version,
    exportedAt: data.exportedAt,
    counts: data.counts,
  }).slice(0, -1);
  // Moderators before comments (a reply as the site names its moderator), audit and settings last.
  return (
    `${head},\n"articles":${list(data.articles)},\n"moderators":${list(data.moderators)},` +
    `\n"comments":${list(data.comments)},\n"audit":${list(data.audit)},` +
    `\n"settings":${JSON.stringify(data.settings)}\n}\n`
  );
}
