import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { Hono, type Context } from 'hono';
import {
  checkOwnEdit,
  commentsClosed,
  discardedComment,
  editableUntil,
  parseCommentRequest,
  parseCommentsQuery,
  parseDeleteRequest,
  parseEditRequest,
  refusals,
  toPublicComment,
} from '../../../src/contract/comment-rules';
import {
  commenterTokenHeader,
  editCommentResponseSchema,
  postCommentResponseSchema,
  type Comment,
} from '../../../src/contract/comments';
import type { AppDeps, AppEnv } from '../../app-deps';
import { readJsonBody, refuse } from '../../lib/api-error';
import { clientIp } from '../../lib/client-ip';
import { editTokenFor, hashToken, newToken, tokenMatches } from '../../lib/tokens';
import {
  addComment,
  deleteComment,
  editComment,
  findComment,
  listPage,
  prepareArticleForReader,
  toView,
} from './comment-store';
import { pickEncoding } from '../../pages/static-files';
import { createPageCache, type Bytes } from './page-cache';
import type { SettingsReader } from '../settings/settings-store';
import { heldComment } from '../../lib/notifications';

/** Fast settings: a page of comments is compressed again after every change to them. */
function encode(json: Bytes, encoding: 'br' | 'gzip' | null): Bytes {
  if (encoding === 'br') {
    return brotliCompressSync(json, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 5,
        [constants.BROTLI_PARAM_SIZE_HINT]: json.byteLength,
      },
    });
  }
  return encoding === 'gzip' ? gzipSync(json, { level: 5 }) : json;
}

function sendJson(c: Context, body: Bytes, encoding: 'br' | 'gzip' | null): Response {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Vary: 'Accept-Encoding',
  };
  if (encoding) headers['Content-Encoding'] = encoding;
  return c.body(body, 200, headers);
}

/** The commenter's browser token, if it sent a sensible one. */
function commenterToken(header: string | undefined): string | null {
  return header && header.length >= 16 && header.length <= 200 ? header : null;
}

export const commentPaths = {
  list: '/api/articles/:slug/comments',
  one: '/api/articles/:slug/comments/:id',
} as const;

export function commentRoutes(deps: AppDeps, settings: SettingsReader) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const pageCache = createPageCache();
  const articleForReader = prepareArticleForReader(db, deps.localWrites);
  const app = new Hono<AppEnv>();

  app.get(commentPaths.list, async (c) => {
    const token = commenterToken(c.req.header(commenterTokenHeader));
    const tokenHash = token ? hashToken(token) : null;
    const article = await articleForReader(c.req.param('slug'), now(), tokenHash);
    if (!article) return refuse(c, refusals.noArticle());
    const rules = await settings.get();
    const query = parseCommentsQuery(c.req.query(), rules.pageSize);
    if (!query.ok) return refuse(c, query.refusal);
    const closed = commentsClosed(article, rules, now());
    const encoding = pickEncoding(c.req.header('Accept-Encoding'), { br: true, gzip: true });
    if (article.holdsOwn) {
      // Their own page, with their held comments: made for them alone, never kept.
      const page = await listPage(db, article.id, query.data, tokenHash, closed);
      if (!page) return refuse(c, refusals.staleCursor());
      return sendJson(c, encode(Buffer.from(JSON.stringify(page)), encoding), encoding);
    }
    // Every other reader gets the same page: kept until the article's comments change.
    const { order, limit, cursor } = query.data;
    // Closed or not follows the settings and the clock, not the comments' version: in the key.
    const key = `${article.id}:${closed ? 'closed' : 'open'}:${order}:${limit}:${cursor ?? ''}`;
    const json = () =>
      pageCache.getOrMake(key, article.version, async () => {
        const page = await listPage(db, article.id, query.data, null, closed);
        return page && Buffer.from(JSON.stringify(page));
      });
    const body = encoding
      ? await pageCache.getOrMake(`${key}:${encoding}`, article.version, async () => {
          const made = await json();
          return made && encode(made, encoding);
        })
      : await json();
    if (!body) return refuse(c, refusals.staleCursor());
    return sendJson(c, body, encoding);
  });

  app.post(commentPaths.list, async (c) => {
    const articleId = (await articleForReader(c.req.param('slug'), now(), null))?.id;
    if (!articleId) return refuse(c, refusals.noArticle());
    const json = await readJsonBody(c);
    if (!json.ok) return json.response;
    const body = parseCommentRequest(json.value);
    if (!body.ok) return refuse(c, body.refusal);
    const at = now();
    const rules = await settings.get();
    // What the author gets back: the comment, its edit token and until when it may be changed.
    const answer = (comment: Comment, editToken: string, status: 200 | 201) =>
      c.json(
        postCommentResponseSchema.parse({
          comment,
          editToken,
          editableUntil: editableUntil(comment.createdAt, rules.editWindowMinutes),
        }),
        status,
      );
    const outcome = await addComment(db, {
      articleId,
      input: body.data,
      commenterToken: commenterToken(c.req.header(commenterTokenHeader)),
      ip: clientIp(c, deps.trustProxyHops ?? 0),
      now: at,
      rules: { floodGuard: deps.floodGuard ?? true, settings: rules },
    });
    if (outcome.kind === 'stored' && outcome.row.status === 'pending')
      deps.onHeld?.(heldComment(outcome.row, c.req.param('slug')));
    switch (outcome.kind) {
      case 'discard':
        return answer(discardedComment(body.data, at), newToken(), 201);
      case 'refuse':
        return refuse(c, outcome.refusal);
      case 'resend':
        // Only the browser that made the submission knows its client id: it gets the same
        // answer as the first time, edit token included.
        return answer(
          toPublicComment(toView(outcome.existing)),
          editTokenFor(body.data.clientId),
          200,
        );
      case 'store':
        throw new Error('addComment returns stored rows, not decisions to store');
      case 'stored':
        return answer(toPublicComment(toView(outcome.row)), editTokenFor(body.data.clientId), 201);
    }
  });

  /** The author's own comment, in its edit window, from a PATCH or DELETE with its edit token. */
  async function ownComment(c: Context<AppEnv>, articleId: number, editToken: string) {
    const row = await findComment(db, articleId, c.req.param('id') ?? '');
    const problem = checkOwnEdit(
      row && toView(row),
      tokenMatches(editToken, row?.editTokenHash ?? null),
      now(),
      (await settings.get()).editWindowMinutes,
    );
    return problem || !row ? { refusal: problem ?? refusals.noComment() } : { row };
  }

  app.patch(commentPaths.one, async (c) => {
    const articleId = (await articleForReader(c.req.param('slug'), now(), null))?.id;
    if (!articleId) return refuse(c, refusals.noArticle());
    const json = await readJsonBody(c);
    if (!json.ok) return json.response;
    const body = parseEditRequest(json.value);
    if (!body.ok) return refuse(c, body.refusal);
    const own = await ownComment(c, articleId, body.data.editToken);
    if (own.refusal) return refuse(c, own.refusal);
    const updated = await editComment(db, own.row, body.data.comment, now(), await settings.get());
    if (!updated) return refuse(c, refusals.noComment());
    return c.json(editCommentResponseSchema.parse({ comment: toPublicComment(toView(updated)) }));
  });

  app.delete(commentPaths.one, async (c) => {
    const articleId = (await articleForReader(c.req.param('slug'), now(), null))?.id;
    if (!articleId) return refuse(c, refusals.noArticle());
    const json = await readJsonBody(c);
    if (!json.ok) return json.response;
    const body = parseDeleteRequest(json.value);
    if (!body.ok) return refuse(c, body.refusal);
    const own = await ownComment(c, articleId, body.data.editToken);
    if (own.refusal) return refuse(c, own.refusal);
    await deleteComment(db, own.row);
    return c.body(null, 204);
  });

  return app;
}
