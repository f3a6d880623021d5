import { createHash, randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import {
  maxBodyBytes,
  parseCommentRequest,
  type Refusal,
} from '../../../src/contract/comment-rules';
import type { CommentFormEcho } from '../../../src/contract/comments';
import type { AppDeps, AppEnv } from '../../app-deps';
import { clientIp } from '../../lib/client-ip';
import { ensureCommenterCookie } from '../../lib/commenter-cookie';
import type { PageRenderer } from '../../pages/page-renderer';
import { addComment, articleIdOf } from './comment-store';
import { heldComment } from '../../lib/notifications';
import type { SettingsReader } from '../settings/settings-store';

export const commentFormPath = '/articles/:slug/comments';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

const fieldLabels = { comment: 'Comment', name: 'Name', email: 'Email', website: 'Website' };

/** As the enhanced form says it (comment-form.tsx), for the fields the server refused. */
function invalidMessage(fieldErrors: Record<string, string> | undefined): string | null {
  const names = Object.entries(fieldLabels)
    .filter(([field]) => fieldErrors?.[field])
    .map(([, label]) => label);
  if (names.length === 0) return null;
  return names.length === 1
    ? `Your comment wasn’t posted: check the ${names.join(', ')} field.`
    : `Your comment wasn’t posted: check these ${names.length} fields: ${names.join(', ')}.`;
}

/**
 * The id of a submission from a cached page's form, which cannot carry one per reader: the same
 * browser (its cookie) sending the same words to the same place gets the same id, so a resend
 * is recognised as the first send.
 */
function derivedClientId(token: string, fields: string[]): string {
  const hex = createHash('sha256')
    .update(JSON.stringify([token, ...fields]))
    .digest('hex');
  // Shaped as a version 8 (custom) UUID, which the contract's z.uuid() accepts.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The comment form posted without JavaScript (application/x-www-form-urlencoded), decided by
 * the same rules as the API's JSON posts (`addComment` → `decideNewComment`). Post/redirect/get:
 * a stored comment answers 303 to its permalink; a refusal, the article page with the words as
 * typed and the errors beside the fields, with the refusal's status.
 */
export function commentFormRoutes(deps: AppDeps, pages: PageRenderer, settings: SettingsReader) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const secure = deps.publicUrl?.startsWith('https://') ?? false;
  const app = new Hono<AppEnv>();

  app.post(
    commentFormPath,
    bodyLimit({ maxSize: maxBodyBytes, onError: (c) => c.text('The comment is too long.', 413) }),
    async (c) => {
      // Form posts from other sites are refused: browsers say where a POST comes from.
      const site = c.req.header('Sec-Fetch-Site');
      const origin = c.req.header('Origin');
      const ours = deps.publicUrl ? new URL(deps.publicUrl).origin : new URL(c.req.url).origin;
      if (site ? site !== 'same-origin' : origin !== ours) {
        return c.text('Comments can only be posted from this site’s own pages.', 403);
      }
      const slug = c.req.param('slug');
      const articleId = await articleIdOf(db, slug, now());
      if (!articleId) return pages.handle(c);
      const form = await c.req.parseBody();
      const text = (key: string) => {
        const value = form[key];
        return typeof value === 'string' ? value : '';
      };
      const values = {
        comment: text('comment'),
        name: text('name'),
        email: text('email'),
        website: text('website'),
      };
      const parentId = text('parentId') || null;
      const token = ensureCommenterCookie(c, secure);
      const sentId = text('clientId');
      const clientId = uuidPattern.test(sentId)
        ? sentId
        : derivedClientId(token, [parentId ?? '', ...Object.values(values)]);
      const homepage = text('homepage');

      const refused = async ({ status, body }: Refusal) => {
        const echo: CommentFormEcho = {
          values,
          fieldErrors: body.fieldErrors ?? {},
          message: invalidMessage(body.fieldErrors) ?? body.message,
          // A new id for the next send of these words, now that they are per-request.
          clientId: randomUUID(),
        };
        return (await pages.refusedPost(c, slug, status, echo, token)) ?? pages.handle(c);
      };

      const request = parseCommentRequest({
        ...values,
        parentId,
        clientId,
        ...(homepage ? { homepage } : {}),
      });
      if (!request.ok) return refused(request.refusal);
      const outcome = await addComment(db, {
        articleId,
        input: request.data,
        commenterToken: token,
        ip: clientIp(c, deps.trustProxyHops ?? 0),
        now: now(),
        rules: { floodGuard: deps.floodGuard ?? true, settings: await settings.get() },
      });
      if (outcome.kind === 'stored' && outcome.row.status === 'pending') {
        deps.onHeld?.(heldComment(outcome.row, slug));
      }
      const permalink = (id: number | string) =>
        `/articles/${encodeURIComponent(slug)}#comment-${id}`;
      switch (outcome.kind) {
        case 'refuse':
          return refused(outcome.refusal);
        case 'discard':
          return c.redirect(`/articles/${encodeURIComponent(slug)}#comments`, 303);
        case 'resend':
          return c.redirect(permalink(outcome.existing.id), 303);
        case 'stored':
          return c.redirect(permalink(outcome.row.id), 303);
        case 'store':
          throw new Error('addComment returns stored rows, not decisions to store');
      }
    },
  );
  return app;
}
