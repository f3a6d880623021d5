import { http, HttpResponse } from 'msw';
import {
  planDeletion,
  readJsonRequest,
  refusal,
  type Refusal,
} from '../../src/contract/comment-rules';
import {
  auditQuerySchema,
  editByModeratorRequestSchema,
  moderationActionRequestSchema,
  moderationRequestHeader,
  moderationRequestHeaderValue,
  moderationSettingsSchema,
  privacyEraseRequestSchema,
  privacyRequestSchema,
  queueQuerySchema,
  replyRequestSchema,
  sessionCookieNames,
  sessionLifetimes,
  signInRequestSchema,
  type ActionResult,
  type AuditAction,
  type ModerationActionRequest,
  type ModerationSession,
  type QueueCounts,
  type QueueItem,
  type QueueTab,
} from '../../src/contract/moderation';
import {
  lockSeconds,
  moderationRefusals,
  planStatusChange,
  planUndo,
  signInLimits,
} from '../../src/contract/moderation-rules';
import { fieldErrorsOf } from '../../src/contract/comment-rules';
import { db, type StoredComment } from '../db';
import { articleFixtures } from '../fixtures/articles';
import { devModerator, moderationDb } from '../moderation-db';
import { apiPath } from './http';

export function refused({ status, body, headers }: Refusal) {
  return HttpResponse.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } });
}
export const ok = (body: unknown, status = 200) =>
  HttpResponse.json(body as Record<string, unknown>, {
    status,
    headers: { 'Cache-Control': 'no-store' },
  });

type Issues = readonly { path: readonly PropertyKey[]; message: string }[];
interface Parser<T> {
  safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: Issues } };
}

async function body<T>(
  request: Request,
  schema: Parser<T>,
  message = 'Some fields need attention.',
) {
  const json = readJsonRequest(request.headers.get('Content-Type'), await request.text());
  if (!json.ok) return { ok: false as const, response: refused(json.refusal) };
  const parsed = schema.safeParse(json.value);
  if (!parsed.success) {
    return {
      ok: false as const,
      response: refused(refusal(400, message, { fieldErrors: fieldErrorsOf(parsed.error.issues) })),
    };
  }
  return { ok: true as const, data: parsed.data };
}

function query<T>(request: Request, schema: Parser<T>, message: string) {
  const parsed = schema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    return {
      ok: false as const,
      response: refused(refusal(400, message, { fieldErrors: fieldErrorsOf(parsed.error.issues) })),
    };
  }
  return { ok: true as const, data: parsed.data };
}

/** As the server's guard: a change must come from the app's own origin, with the header. */
function crossSite(request: Request): Refusal | null {
  const ours = new URL(request.url).origin;
  const site = request.headers.get('Sec-Fetch-Site');
  const origin = request.headers.get('Origin');
  if (site !== null) {
    if (site !== 'same-origin' && site !== 'none') return moderationRefusals.crossSite();
  } else if (origin !== null && origin !== ours) {
    return moderationRefusals.crossSite();
  }
  if (request.headers.get(moderationRequestHeader) !== moderationRequestHeaderValue) {
    return moderationRefusals.noHeader();
  }
  return null;
}

/**
 * The session cookie. In the browser the worker never sees a Cookie header, and MSW keeps the
 * mocked responses' cookies itself (its `cookies`); in Node only the request's own header counts,
 * so a test that sends none is signed out.
 */
function sessionToken(request: Request, cookies: Record<string, string>): string | null {
  const fromHeader = Object.fromEntries(
    (request.headers.get('Cookie') ?? '')
      .split(';')
      .map((pair) => pair.trim().split('='))
      .filter((pair): pair is [string, string] => pair.length === 2),
  );
  const jar = typeof document === 'undefined' ? fromHeader : { ...cookies, ...fromHeader };
  return jar[sessionCookieNames.plainHttp] ?? jar[sessionCookieNames.secure] ?? null;
}

const idleMs = sessionLifetimes.idleMinutes * 60_000;
const absoluteMs = sessionLifetimes.absoluteHours * 3_600_000;

function sessionBody(lastSeenAt: number, expiresAt: number): ModerationSession {
  const { id, name, email, role } = devModerator;
  return {
    moderator: { id, name, email, role },
    idleExpiresAt: new Date(Math.min(lastSeenAt + idleMs, expiresAt)).toISOString(),
    expiresAt: new Date(expiresAt).toISOString(),
  };
}

function resume(request: Request, cookies: Record<string, string>) {
  const token = sessionToken(request, cookies);
  if (!token) return null;
  return moderationDb.change((state) => {
    const now = Date.now();
    const session = state.sessions.find((s) => s.token === token);
    if (!session) return null;
    if (now >= Date.parse(session.expiresAt) || now >= Date.parse(session.lastSeenAt) + idleMs) {
      state.sessions = state.sessions.filter((s) => s !== session);
      return null;
    }
    session.lastSeenAt = new Date(now).toISOString();
    return { token, body: sessionBody(now, Date.parse(session.expiresAt)) };
  });
}

const cookieHeader = (token: string, maxAge: number) =>
  `${sessionCookieNames.plainHttp}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}`;

function articleOf(slug: string) {
  const article = articleFixtures.find((a) => a.slug === slug);
  return { slug, title: article?.headline ?? slug };
}

function toItem(c: StoredComment): QueueItem {
  return {
    id: c.id,
    parentId: c.parentId,
    article: articleOf(c.articleSlug),
    author: c.author,
    email: c.email,
    website: c.website,
    ip: c.ip,
    content: c.content,
    createdAt: c.createdAt,
    editedAt: c.editedAt ?? null,
    status: c.status === 'deleted' ? 'trash' : c.status,
    reasons: c.heldReasons,
    byModerator: c.byModerator === true,
  };
}

function counts(slug?: string): QueueCounts {
  const result: QueueCounts = { pending: 0, approved: 0, spam: 0, trash: 0 };
  for (const c of db.all()) {
    if (slug && c.articleSlug !== slug) continue;
    if (c.status !== 'deleted') result[c.status] += 1;
  }
  return result;
}

const newestFirst = (a: StoredComment, b: StoredComment) =>
  Date.parse(b.createdAt) - Date.parse(a.createdAt) || Number(b.id) - Number(a.id);

function audit(
  entries: {
    action: AuditAction;
    commentId?: string | null;
    articleSlug?: string | null;
    fromStatus?: string | null;
    toStatus?: string | null;
    detail?: string | null;
  }[],
) {
  moderationDb.change((state) => {
    for (const e of entries) {
      state.audit.push({
        id: String(state.audit.length + 1),
        at: new Date().toISOString(),
        moderatorId: devModerator.id,
        commentId: e.commentId ?? null,
        articleSlug: e.articleSlug ?? null,
        fromStatus: e.fromStatus ?? null,
        toStatus: e.toStatus ?? null,
        detail: e.detail ?? null,
        action: e.action,
      });
    }
  });
}

async function removeForGood(comment: StoredComment) {
  const all = db.comments(comment.articleSlug);
  const plan = await planDeletion(comment.id, {
    replyIds: async (id) => all.filter((c) => c.parentId === id).map((c) => c.id),
    parentOf: async (id) => {
      const parentId = all.find((c) => c.id === id)?.parentId;
      const parent = parentId ? all.find((c) => c.id === parentId) : undefined;
      return parent ? { id: parent.id, status: parent.status } : null;
    },
  });
  if (plan.placeholder) eraseComment(plan.placeholder);
  for (const id of plan.remove) db.remove(id);
}

function eraseComment(id: string) {
  db.update(id, {
    status: 'deleted',
    author: '',
    email: '',
    website: null,
    content: '',
    editToken: null,
    authorToken: null,
    clientId: null,
    ip: null,
    heldReasons: [],
    statusBefore: null,
  });
}

type Guarded = (args: {
  request: Request;
  params: Record<string, string | readonly string[] | undefined>;
}) => Promise<Response> | Response;

/** The checks every moderation request passes, as on the server. */
export function guarded(handler: Guarded, { change }: { change: boolean }) {
  return async ({
    request,
    params,
    cookies,
  }: {
    request: Request;
    params: Record<string, string | readonly string[] | undefined>;
    cookies: Record<string, string>;
  }) => {
    if (change) {
      const problem = crossSite(request);
      if (problem) return refused(problem);
    }
    if (!resume(request, cookies)) return refused(moderationRefusals.signedOut());
    return handler({ request, params });
  };
}

const path = (p: string) => apiPath(`/moderation${p}`);

export const moderationHandlers = [
  http.post(path('/session'), async ({ request }) => {
    const problem = crossSite(request);
    if (problem) return refused(problem);
    const parsed = await body(request, signInRequestSchema);
    if (!parsed.ok) return parsed.response;
    const { email, password } = parsed.data;
    const now = Date.now();
    // The mock has one client address: every failure counts against "this browser".
    const keys = [`account:${email.toLowerCase()}`, 'ip:mock'];
    const state = moderationDb.state();
    const locked = Math.max(
      0,
      ...keys.map((k) => {
        const until = state.failures[k]?.lockedUntil;
        return until ? Math.ceil((Date.parse(until) - now) / 1000) : 0;
      }),
    );
    if (locked > 0) return refused(moderationRefusals.lockedOut(locked));
    const right = email.toLowerCase() === devModerator.email && password === devModerator.password;
    if (!right) {
      const lock = moderationDb.change((s) =>
        Math.max(
          ...keys.map((key) => {
            const free = key.startsWith('ip:')
              ? signInLimits.ip.freeFailures
              : signInLimits.account.freeFailures;
            const before = s.failures[key];
            const stale =
              !before ||
              now - Date.parse(before.lastFailureAt) > signInLimits.forgetAfterSeconds * 1000;
            const failures = stale ? 1 : before.failures + 1;
            const seconds = lockSeconds(failures, free);
            s.failures[key] = {
              failures,
              lastFailureAt: new Date(now).toISOString(),
              lockedUntil:
                seconds > 0
                  ? new Date(now + seconds * 1000).toISOString()
                  : (before?.lockedUntil ?? null),
            };
            return seconds;
          }),
        ),
      );
      return refused(
        lock > 0 ? moderationRefusals.lockedOut(lock) : moderationRefusals.badCredentials(),
      );
    }
    const token = crypto.randomUUID().replaceAll('-', '');
    const expiresAt = now + absoluteMs;
    moderationDb.change((s) => {
      s.failures = Object.fromEntries(
        Object.entries(s.failures).filter(([key]) => key !== keys[0]),
      );
      s.sessions.push({
        token,
        moderatorId: devModerator.id,
        lastSeenAt: new Date(now).toISOString(),
        expiresAt: new Date(expiresAt).toISOString(),
      });
    });
    return HttpResponse.json(sessionBody(now, expiresAt), {
      headers: {
        'Set-Cookie': cookieHeader(token, absoluteMs / 1000),
        'Cache-Control': 'no-store',
      },
    });
  }),

  http.get(path('/me'), ({ request, cookies }) => {
    const session = resume(request, cookies);
    return session ? ok(session.body) : refused(moderationRefusals.signedOut());
  }),

  http.delete(path('/session'), ({ request, cookies }) => {
    const problem = crossSite(request);
    if (problem) return refused(problem);
    const session = resume(request, cookies);
    if (!session) return refused(moderationRefusals.signedOut());
    moderationDb.change((s) => {
      s.sessions = s.sessions.filter((x) => x.token !== session.token);
    });
    return new HttpResponse(null, { status: 204, headers: { 'Set-Cookie': cookieHeader('', 0) } });
  }),

  http.delete(path('/sessions'), ({ request, cookies }) => {
    const problem = crossSite(request);
    if (problem) return refused(problem);
    if (!resume(request, cookies)) return refused(moderationRefusals.signedOut());
    moderationDb.change((s) => {
      s.sessions = [];
    });
    return new HttpResponse(null, { status: 204, headers: { 'Set-Cookie': cookieHeader('', 0) } });
  }),

  http.get(
    path('/comments'),
    guarded(
      ({ request }) => {
        const q = query(request, queueQuerySchema, 'The queue was asked for with bad parameters.');
        if (!q.ok) return q.response;
        const { status, article, q: search, page, limit } = q.data;
        const needle = search?.toLowerCase();
        const matching = db
          .all()
          .filter((c) => c.status === status && (!article || c.articleSlug === article))
          .filter(
            (c) =>
              !needle ||
              [c.content, c.author, c.email].some((field) => field.toLowerCase().includes(needle)),
          )
          .sort(newestFirst);
        const known = !article || articleFixtures.some((a) => a.slug === article);
        return ok({
          items: matching.slice((page - 1) * limit, page * limit).map(toItem),
          counts: known ? counts(article) : { pending: 0, approved: 0, spam: 0, trash: 0 },
          total: matching.length,
          page,
          pageSize: limit,
        });
      },
      { change: false },
    ),
  ),

  http.post(
    path('/comments/actions'),
    guarded(
      async ({ request }) => {
        const parsed = await body(
          request,
          moderationActionRequestSchema,
          'The action was not understood.',
        );
        if (!parsed.ok) return parsed.response;
        const action: ModerationActionRequest = parsed.data;
        const wanted =
          action.action === 'undo'
            ? action.items.map((i) => ({ id: i.id, undo: i }))
            : action.ids.map((id) => ({ id, undo: null }));
        const results: ActionResult[] = [];
        const seen = new Set<string>();
        for (const { id, undo } of wanted) {
          const comment = db.all().find((c) => c.id === id);
          if (!comment) {
            results.push({
              id,
              ok: false,
              from: null,
              to: null,
              message: 'That comment no longer exists.',
            });
            continue;
          }
          if (seen.has(id)) continue;
          seen.add(id);
          const from = comment.status;
          const change = undo
            ? planUndo(from, undo.expected, undo.status)
            : action.action === 'undo'
              ? { ok: false as const, message: 'Nothing to undo.' }
              : planStatusChange(action.action, from, comment.statusBefore);
          const shownFrom = from === 'deleted' ? null : from;
          if (!change.ok) {
            results.push({
              id,
              ok: false,
              from: shownFrom,
              to: shownFrom,
              message: change.message,
            });
            continue;
          }
          if (change.to === from) {
            results.push({ id, ok: true, from: shownFrom, to: change.to });
            continue;
          }
          if (change.to === null) await removeForGood(comment);
          else db.update(id, { status: change.to, statusBefore: change.statusBefore });
          results.push({ id, ok: true, from: shownFrom, to: change.to });
          audit([
            {
              action: action.action,
              commentId: id,
              articleSlug: comment.articleSlug,
              fromStatus: from,
              toStatus: change.to ?? 'deleted',
            },
          ]);
        }
        const undoable = results.filter(
          (r): r is ActionResult & { from: QueueTab; to: QueueTab } =>
            r.ok && r.from !== null && r.to !== null && r.from !== r.to,
        );
        return ok({
          results,
          undo:
            action.action === 'delete' || action.action === 'undo' || undoable.length === 0
              ? null
              : {
                  action: 'undo',
                  items: undoable.map((r) => ({ id: r.id, status: r.from, expected: r.to })),
                },
          counts: counts(),
        });
      },
      { change: true },
    ),
  ),

  http.patch(
    path('/comments/:id'),
    guarded(
      async ({ request, params }) => {
        const parsed = await body(request, editByModeratorRequestSchema);
        if (!parsed.ok) return parsed.response;
        const comment = db.all().find((c) => c.id === String(params.id));
        if (!comment || comment.status === 'deleted')
          return refused(moderationRefusals.noComment());
        const updated = db.update(comment.id, {
          content: parsed.data.content,
          editedAt: new Date().toISOString(),
        });
        if (!updated) return refused(moderationRefusals.noComment());
        audit([
          {
            action: 'edit',
            commentId: comment.id,
            articleSlug: comment.articleSlug,
            fromStatus: comment.status,
            toStatus: comment.status,
          },
        ]);
        return ok({ item: toItem(updated), previousContent: comment.content });
      },
      { change: true },
    ),
  ),

  http.post(
    path('/comments/:id/reply'),
    guarded(
      async ({ request, params }) => {
        const parsed = await body(request, replyRequestSchema);
        if (!parsed.ok) return parsed.response;
        const parent = db.all().find((c) => c.id === String(params.id));
        if (!parent) return refused(moderationRefusals.noComment());
        if (parent.status !== 'approved' && parent.status !== 'pending') {
          return refused(moderationRefusals.cannotReply());
        }
        const wasPending = parent.status === 'pending';
        if (wasPending) {
          db.update(parent.id, { status: 'approved', statusBefore: null });
          audit([
            {
              action: 'approve',
              commentId: parent.id,
              articleSlug: parent.articleSlug,
              fromStatus: 'pending',
              toStatus: 'approved',
            },
          ]);
        }
        const reply = db.insert({
          articleSlug: parent.articleSlug,
          parentId: parent.id,
          author: devModerator.name,
          email: devModerator.email,
          website: null,
          content: parsed.data.content,
          createdAt: new Date().toISOString(),
          status: 'approved',
          authorToken: null,
          clientId: null,
          editToken: null,
          byModerator: true,
        });
        audit([
          {
            action: 'reply',
            commentId: reply.id,
            articleSlug: parent.articleSlug,
            toStatus: 'approved',
            detail: `Reply to comment ${parent.id}`,
          },
        ]);
        const parentNow = db.all().find((c) => c.id === parent.id) ?? parent;
        return ok(
          {
            item: toItem(reply),
            parent: toItem(parentNow),
            undo: {
              action: 'undo',
              items: [
                { id: reply.id, status: 'trash', expected: 'approved' },
                ...(wasPending ? [{ id: parent.id, status: 'pending', expected: 'approved' }] : []),
              ],
            },
          },
          201,
        );
      },
      { change: true },
    ),
  ),

  http.get(
    path('/audit'),
    guarded(
      ({ request }) => {
        const q = query(
          request,
          auditQuerySchema,
          'The audit log was asked for with bad parameters.',
        );
        if (!q.ok) return q.response;
        const { commentId, page, limit } = q.data;
        const entries = moderationDb
          .state()
          .audit.filter((e) => !commentId || e.commentId === commentId)
          .sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || Number(b.id) - Number(a.id));
        return ok({
          entries: entries.slice((page - 1) * limit, page * limit).map((e) => ({
            id: e.id,
            at: e.at,
            moderator: { id: devModerator.id, name: devModerator.name },
            action: e.action,
            commentId: e.commentId,
            article: e.articleSlug ? articleOf(e.articleSlug) : null,
            fromStatus: e.fromStatus,
            toStatus: e.toStatus,
            detail: e.detail,
          })),
          total: entries.length,
          page,
          pageSize: limit,
        });
      },
      { change: false },
    ),
  ),

  http.get(
    path('/settings'),
    guarded(() => ok(moderationDb.settings()), { change: false }),
  ),

  http.put(
    path('/settings'),
    guarded(
      async ({ request }) => {
        const parsed = await body(
          request,
          moderationSettingsSchema,
          'Some settings need attention.',
        );
        if (!parsed.ok) return parsed.response;
        const before = moderationDb.settings();
        const changed = (Object.keys(parsed.data) as (keyof typeof before)[]).filter(
          (key) => JSON.stringify(before[key]) !== JSON.stringify(parsed.data[key]),
        );
        moderationDb.change((s) => {
          s.settings = parsed.data;
        });
        if (changed.length)
          audit([{ action: 'settings', detail: `Changed: ${changed.join(', ')}` }]);
        return ok(parsed.data);
      },
      { change: true },
    ),
  ),

  http.post(
    path('/privacy/export'),
    guarded(
      async ({ request }) => {
        const parsed = await body(request, privacyRequestSchema);
        if (!parsed.ok) return parsed.response;
        const email = parsed.data.email.toLowerCase();
        const found = db
          .all()
          .filter((c) => c.status !== 'deleted' && c.email.toLowerCase() === email)
          .sort(
            (a, b) =>
              Date.parse(a.createdAt) - Date.parse(b.createdAt) || Number(a.id) - Number(b.id),
          );
        audit([
          { action: 'export', detail: `Exported ${found.length} comments by one email address` },
        ]);
        return ok({
          email: parsed.data.email,
          exportedAt: new Date().toISOString(),
          comments: found.map(toItem),
        });
      },
      { change: true },
    ),
  ),

  http.post(
    path('/privacy/erase'),
    guarded(
      async ({ request }) => {
        const parsed = await body(request, privacyEraseRequestSchema);
        if (!parsed.ok) return parsed.response;
        const email = parsed.data.email.toLowerCase();
        const found = db
          .all()
          .filter((c) => c.status !== 'deleted' && c.email.toLowerCase() === email);
        for (const c of found) eraseComment(c.id);
        if (parsed.data.mode === 'delete') {
          for (const c of [...found].sort((a, b) => Number(b.id) - Number(a.id))) {
            const still = db.all().find((x) => x.id === c.id);
            if (still) await removeForGood(still);
          }
        }
        audit([
          {
            action: 'erase',
            detail: `${parsed.data.mode === 'delete' ? 'Deleted' : 'Anonymised'} ${found.length} comments by one email address`,
          },
        ]);
        return ok({ erased: found.length });
      },
      { change: true },
    ),
  ),

  // Anything else under /api/moderation: 404 for a moderator, 401 for anyone else.
  http.all(path('/*'), ({ request, cookies }) =>
    resume(request, cookies)
      ? refused(refusal(404, 'There is no API endpoint at this address.'))
      : refused(moderationRefusals.signedOut()),
  ),
];
