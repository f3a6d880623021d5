import { http } from 'msw';
import {
  articleInputSchema,
  previewRequestSchema,
  publishRequestSchema,
} from '../../src/contract/admin-articles';
import { fieldErrorsOf, refusal } from '../../src/contract/comment-rules';
import { moderationRefusals } from '../../src/contract/moderation-rules';
import { adminArticlesDb, toAdminArticle } from '../admin-articles-db';
import { mockMarkdownToBody } from '../markdown-preview';
import { devModerator } from '../moderation-db';
import { apiPath } from './http';
import { guarded, ok, refused } from './moderation';

const path = (p: string) => apiPath(`/admin/articles${p}`);
const param = (value: string | readonly string[] | undefined) =>
  typeof value === 'string' ? value : '';

/** The session's account must be an editor, as on the server. */
const editorsOnly = (response: () => Promise<Response> | Response) =>
  devModerator.role === 'editor' ? response() : refused(moderationRefusals.editorsOnly());

async function parse<T>(
  request: Request,
  schema: {
    safeParse(v: unknown):
      | { success: true; data: T }
      | {
          success: false;
          error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] };
        };
  },
  message: string,
): Promise<{ ok: true; data: T } | { ok: false; response: Response }> {
  const result = schema.safeParse(await request.json().catch(() => null));
  if (result.success) return { ok: true, data: result.data };
  return {
    ok: false,
    response: refused(refusal(400, message, { fieldErrors: fieldErrorsOf(result.error.issues) })),
  };
}

function saved(outcome: Awaited<ReturnType<typeof adminArticlesDb.save>>, status = 200) {
  if (outcome.ok) return ok(toAdminArticle(outcome.article), status);
  return refused(
    refusal(
      outcome.status,
      outcome.message,
      outcome.field ? { fieldErrors: { [outcome.field]: outcome.message } } : {},
    ),
  );
}

/** The editors' article API, as the server answers it (src/contract/admin-articles.ts). */
export const adminArticleHandlers = [
  http.get(
    path(''),
    guarded(
      () =>
        editorsOnly(() => ok({ articles: adminArticlesDb.list().map((a) => toAdminArticle(a)) })),
      { change: false },
    ),
  ),
  http.post(
    path('/preview'),
    guarded(
      ({ request }) =>
        editorsOnly(async () => {
          const body = await parse(request, previewRequestSchema, 'The text was not understood.');
          return body.ok
            ? ok({ body: await mockMarkdownToBody(body.data.markdown) })
            : body.response;
        }),
      { change: true },
    ),
  ),
  http.post(
    path(''),
    guarded(
      ({ request }) =>
        editorsOnly(async () => {
          const body = await parse(
            request,
            articleInputSchema,
            'Some fields of the article need attention.',
          );
          return body.ok ? saved(await adminArticlesDb.save(null, body.data), 201) : body.response;
        }),
      { change: true },
    ),
  ),
  http.get(
    path('/:id'),
    guarded(
      ({ params }) =>
        editorsOnly(() => {
          const found = adminArticlesDb.find(param(params.id));
          return found ? ok(toAdminArticle(found)) : refused(moderationRefusals.noArticle());
        }),
      { change: false },
    ),
  ),
  http.put(
    path('/:id'),
    guarded(
      ({ request, params }) =>
        editorsOnly(async () => {
          const body = await parse(
            request,
            articleInputSchema,
            'Some fields of the article need attention.',
          );
          return body.ok
            ? saved(await adminArticlesDb.save(param(params.id), body.data))
            : body.response;
        }),
      { change: true },
    ),
  ),
  http.post(
    path('/:id/publish'),
    guarded(
      ({ request, params }) =>
        editorsOnly(async () => {
          const body = await parse(
            request,
            publishRequestSchema,
            'The publication time is not right.',
          );
          if (!body.ok) return body.response;
          const done = adminArticlesDb.publish(param(params.id), body.data.publishedAt);
          return done ? ok(toAdminArticle(done)) : refused(moderationRefusals.noArticle());
        }),
      { change: true },
    ),
  ),
  http.post(
    path('/:id/unpublish'),
    guarded(
      ({ params }) =>
        editorsOnly(() => {
          const done = adminArticlesDb.unpublish(param(params.id));
          return done ? ok(toAdminArticle(done)) : refused(moderationRefusals.noArticle());
        }),
      { change: true },
    ),
  ),
];
