import { http, HttpResponse } from 'msw';
import {
  assemblePage,
  checkOwnEdit,
  commentsClosed,
  compareThreads,
  decideNewComment,
  discardedComment,
  editableUntil,
  parseCommentRequest,
  parseCommentsQuery,
  parseDeleteRequest,
  parseEditRequest,
  planDeletion,
  readJsonRequest,
  refusals,
  statusAfterEdit,
  toPublicComment,
  visibleToReader,
  type Refusal,
} from '../../src/contract/comment-rules';
import {
  commenterTokenHeader,
  editCommentResponseSchema,
  postCommentResponseSchema,
  type Comment,
} from '../../src/contract/comments';
import { db, type StoredComment } from '../db';
import { articleFixtures } from '../fixtures/articles';
import { moderationDb } from '../moderation-db';
import { apiPath } from './http';

/** The contract's error answer for a refusal decided by the comment rules. */
function refused({ status, body, headers }: Refusal) {
  return HttpResponse.json(body, { status, headers });
}

/** What the author gets back: the comment, its edit token and until when it may be changed. */
function answer(comment: Comment, editToken: string, status: 200 | 201) {
  const until = editableUntil(comment.createdAt, moderationDb.settings().editWindowMinutes);
  return HttpResponse.json(
    postCommentResponseSchema.parse({ comment, editToken, editableUntil: until }),
    { status },
  );
}

/** The request's JSON body, read by the same rule as the server's. */
async function jsonBody(request: Request) {
  return readJsonRequest(request.headers.get('Content-Type'), await request.text());
}

function depthOf(comment: StoredComment, all: readonly StoredComment[]): number {
  let depth = 1;
  let parentId = comment.parentId;
  while (parentId) {
    const parent = all.find((c) => c.id === parentId);
    if (!parent) break;
    depth += 1;
    parentId = parent.parentId;
  }
  return depth;
}

function articleExists(slug: string): boolean {
  return articleFixtures.some((a) => a.slug === slug);
}

function articleFor(slug: string) {
  const article = articleFixtures.find((a) => a.slug === slug);
  return article ? { slug, publishedAt: article.publishedAt } : undefined;
}

const sameEmail = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The author's own comment, within its edit window, or the refusal that says why not. */
function ownEditableComment(slug: string, id: string, editToken: string) {
  const comment = db.comments(slug).find((c) => c.id === id) ?? null;
  const problem = checkOwnEdit(
    comment,
    comment?.editToken != null && comment.editToken === editToken,
    new Date(),
    moderationDb.settings().editWindowMinutes,
  );
  return problem || !comment ? { error: refused(problem ?? refusals.noComment()) } : { comment };
}

export const commentHandlers = [
  http.get(apiPath('/articles/:slug/comments'), ({ request, params }) => {
    const slug = String(params.slug);
    if (!articleExists(slug)) return refused(refusals.noArticle());
    const settings = moderationDb.settings();
    const query = parseCommentsQuery(
      Object.fromEntries(new URL(request.url).searchParams),
      settings.pageSize,
    );
    if (!query.ok) return refused(query.refusal);
    const { order, limit, cursor } = query.data;
    const token = request.headers.get(commenterTokenHeader);
    const comments = db.comments(slug);
    const visible = comments.filter((c) =>
      visibleToReader(c.status, token !== null && c.authorToken === token),
    );
    const threads = visible.filter((c) => c.parentId === null).sort(compareThreads(order));
    // A keyset cursor (the last thread's id) stays correct while new comments arrive.
    const start = cursor ? threads.findIndex((c) => c.id === cursor) + 1 : 0;
    if (cursor && start === 0) return refused(refusals.staleCursor());
    const page = assemblePage(
      threads.slice(start, start + limit + 1),
      visible.filter((c) => c.parentId !== null),
      limit,
      comments.filter((c) => c.status === 'approved').length,
    );
    const article = articleFor(slug);
    const closed = article ? commentsClosed(article, settings, new Date()) : false;
    return HttpResponse.json(closed ? { ...page, commentsClosed: true } : page);
  }),

  http.post(apiPath('/articles/:slug/comments'), async ({ request, params }) => {
    const slug = String(params.slug);
    if (!articleExists(slug)) return refused(refusals.noArticle());
    const json = await jsonBody(request);
    if (!json.ok) return refused(json.refusal);
    const body = parseCommentRequest(json.value);
    if (!body.ok) return refused(body.refusal);
    const input = body.data;
    const token = request.headers.get(commenterTokenHeader);
    const now = new Date();
    const all = db.comments(slug);

    const decision = await decideNewComment(
      input,
      {
        byClientId: async (clientId) => all.find((c) => c.clientId === clientId) ?? null,
        parent: async (id) => {
          const parent = all.find((c) => c.id === id);
          if (!parent) return null;
          const isAuthor = token !== null && parent.authorToken === token;
          if (!visibleToReader(parent.status, isAuthor)) return null;
          return { status: parent.status, depth: depthOf(parent, all), parentId: parent.parentId };
        },
        isDuplicate: async ({ parentId, author, email, content }) =>
          all.some(
            (c) =>
              c.status !== 'deleted' &&
              c.parentId === parentId &&
              c.author === author &&
              sameEmail(c.email, email) &&
              c.content === content,
          ),
        hasApprovedComment: async (email) =>
          db.all().some((c) => c.status === 'approved' && sameEmail(c.email, email)),
        lastPostAt: async (email) => {
          const latest = db
            .all()
            .filter((c) => c.email !== '' && sameEmail(c.email, email))
            .reduce((max, c) => Math.max(max, Date.parse(c.createdAt)), 0);
          return latest ? new Date(latest) : null;
        },
      },
      now,
      { settings: moderationDb.settings(), article: articleFor(slug), ip: null },
    );

    switch (decision.kind) {
      case 'discard':
        return answer(discardedComment(input, now), crypto.randomUUID(), 201);
      case 'resend':
        return answer(
          toPublicComment(decision.existing),
          decision.existing.editToken ?? crypto.randomUUID(),
          200,
        );
      case 'refuse':
        return refused(decision.refusal);
      case 'store': {
        // The rules' look-ups are asynchronous, so two sends of one submission can both get
        // here; checked again with no await before the insert, as a unique index would.
        const raced = db.comments(slug).find((c) => c.clientId === input.clientId);
        if (raced) {
          return answer(toPublicComment(raced), raced.editToken ?? crypto.randomUUID(), 200);
        }
        const editToken = crypto.randomUUID();
        const stored = db.insert({
          articleSlug: slug,
          parentId: decision.parentId,
          author: input.name,
          email: input.email,
          website: input.website || null,
          content: input.comment,
          createdAt: now.toISOString(),
          status: decision.status,
          heldReasons: decision.reasons,
          authorToken: token,
          clientId: input.clientId,
          editToken,
        });
        return answer(toPublicComment(stored), editToken, 201);
      }
    }
  }),

  http.patch(apiPath('/articles/:slug/comments/:id'), async ({ request, params }) => {
    const slug = String(params.slug);
    if (!articleExists(slug)) return refused(refusals.noArticle());
    const json = await jsonBody(request);
    if (!json.ok) return refused(json.refusal);
    const body = parseEditRequest(json.value);
    if (!body.ok) return refused(body.refusal);
    const found = ownEditableComment(slug, String(params.id), body.data.editToken);
    if (found.error) return found.error;
    const updated = db.update(found.comment.id, {
      content: body.data.comment,
      editedAt: new Date().toISOString(),
      status: statusAfterEdit(found.comment.status, body.data.comment, moderationDb.settings()),
    });
    if (!updated) return refused(refusals.noComment());
    return HttpResponse.json(
      editCommentResponseSchema.parse({ comment: toPublicComment(updated) }),
    );
  }),

  http.delete(apiPath('/articles/:slug/comments/:id'), async ({ request, params }) => {
    const slug = String(params.slug);
    if (!articleExists(slug)) return refused(refusals.noArticle());
    const json = await jsonBody(request);
    if (!json.ok) return refused(json.refusal);
    const body = parseDeleteRequest(json.value);
    if (!body.ok) return refused(body.refusal);
    const found = ownEditableComment(slug, String(params.id), body.data.editToken);
    if (found.error) return found.error;
    const all = db.comments(slug);
    const plan = await planDeletion(found.comment.id, {
      replyIds: async (id) => all.filter((c) => c.parentId === id).map((c) => c.id),
      parentOf: async (id) => {
        const parentId = all.find((c) => c.id === id)?.parentId;
        const parent = parentId ? all.find((c) => c.id === parentId) : undefined;
        return parent ? { id: parent.id, status: parent.status } : null;
      },
    });
    // Erased, not hidden: nothing the author wrote stays behind the placeholder.
    if (plan.placeholder) {
      db.update(plan.placeholder, {
        status: 'deleted',
        author: '',
        email: '',
        website: null,
        content: '',
        editToken: null,
        authorToken: null,
      });
    }
    for (const id of plan.remove) db.remove(id);
    return new HttpResponse(null, { status: 204 });
  }),
];
