import { z } from 'zod';
import { articleListSchema, articleSchema } from '../../../src/contract/articles';
import {
  commentPageSchema,
  commentRequestSchema,
  commenterTokenHeader,
  deleteCommentRequestSchema,
  editCommentRequestSchema,
  editCommentResponseSchema,
  postCommentResponseSchema,
} from '../../../src/contract/comments';
import {
  adminArticleListSchema,
  adminArticleSchema,
  articleInputSchema,
  previewRequestSchema,
  previewResponseSchema,
  publishRequestSchema,
} from '../../../src/contract/admin-articles';
import { apiErrorBodySchema } from '../../../src/contract/errors';
import {
  auditPageSchema,
  editByModeratorRequestSchema,
  editByModeratorResponseSchema,
  moderationActionRequestSchema,
  moderationActionResponseSchema,
  moderationRequestHeader,
  moderationSessionSchema,
  moderationSettingsSchema,
  privacyEraseRequestSchema,
  privacyEraseResponseSchema,
  privacyExportSchema,
  privacyRequestSchema,
  queuePageSchema,
  replyRequestSchema,
  replyResponseSchema,
  sessionCookieNames,
  signInRequestSchema,
} from '../../../src/contract/moderation';

const input = (schema: z.core.$ZodType) =>
  z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' });
const output = (schema: z.core.$ZodType) =>
  z.toJSONSchema(schema, { io: 'output', target: 'draft-2020-12' });

/** The contract's schemas as JSON Schema: requests as clients write them, responses as sent. */
export const openApiSchemas = {
  ArticleList: z.toJSONSchema(articleListSchema, { io: 'output', target: 'draft-2020-12' }),
  Article: z.toJSONSchema(articleSchema, { io: 'output', target: 'draft-2020-12' }),
  CommentPage: z.toJSONSchema(commentPageSchema, { io: 'output', target: 'draft-2020-12' }),
  CommentRequest: z.toJSONSchema(commentRequestSchema, { io: 'input', target: 'draft-2020-12' }),
  PostCommentResponse: z.toJSONSchema(postCommentResponseSchema, {
    io: 'output',
    target: 'draft-2020-12',
  }),
  EditCommentRequest: z.toJSONSchema(editCommentRequestSchema, {
    io: 'input',
    target: 'draft-2020-12',
  }),
  EditCommentResponse: z.toJSONSchema(editCommentResponseSchema, {
    io: 'output',
    target: 'draft-2020-12',
  }),
  DeleteCommentRequest: z.toJSONSchema(deleteCommentRequestSchema, {
    io: 'input',
    target: 'draft-2020-12',
  }),
  Error: z.toJSONSchema(apiErrorBodySchema, { io: 'output', target: 'draft-2020-12' }),
  SignInRequest: input(signInRequestSchema),
  ModerationSession: output(moderationSessionSchema),
  QueuePage: output(queuePageSchema),
  ModerationActionRequest: input(moderationActionRequestSchema),
  ModerationActionResponse: output(moderationActionResponseSchema),
  EditByModeratorRequest: input(editByModeratorRequestSchema),
  EditByModeratorResponse: output(editByModeratorResponseSchema),
  ReplyRequest: input(replyRequestSchema),
  ReplyResponse: output(replyResponseSchema),
  AuditPage: output(auditPageSchema),
  ModerationSettingsRequest: input(moderationSettingsSchema),
  ModerationSettings: output(moderationSettingsSchema),
  PrivacyRequest: input(privacyRequestSchema),
  PrivacyExport: output(privacyExportSchema),
  PrivacyEraseRequest: input(privacyEraseRequestSchema),
  PrivacyEraseResponse: output(privacyEraseResponseSchema),
  AdminArticleList: output(adminArticleListSchema),
  AdminArticle: output(adminArticleSchema),
  ArticleInput: input(articleInputSchema),
  PublishRequest: input(publishRequestSchema),
  PreviewRequest: input(previewRequestSchema),
  PreviewResponse: output(previewResponseSchema),
};
export type OpenApiSchemaName = keyof typeof openApiSchemas;

const ref = (name: OpenApiSchemaName) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: OpenApiSchemaName, description: string) => ({
  description,
  content: { 'application/json': { schema: ref(name) } },
});
const errors = (...codes: number[]) =>
  Object.fromEntries(
    codes.map((code) => [String(code), json('Error', errorText[code] ?? 'Error')]),
  );
const errorText: Record<number, string> = {
  400: 'Bad request: `fieldErrors` names each field and how to fix it',
  403: 'Not yours, or the edit window has closed',
  404: 'No such article or comment',
  409: 'Duplicate comment',
  413: 'Body over 100 KB',
  415: 'Body is not JSON',
  429: 'Too fast: see `retryAfterSeconds` and the Retry-After header',
};
const slug = { name: 'slug', in: 'path', required: true, schema: { type: 'string' } };
const commentId = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const commenterToken = {
  name: commenterTokenHeader,
  in: 'header',
  required: false,
  description: 'A random token the browser keeps: shows its author their own held comments.',
  schema: { type: 'string', minLength: 16, maxLength: 200 },
};

const moderationErrorText: Record<number, string> = {
  400: errorText[400] ?? 'Bad request',
  401: 'Not signed in, or the session expired',
  403: `A change from another origin, or without the ${moderationRequestHeader}: 1 header`,
  404: 'No such comment',
  409: 'The comment is in spam or trash, or deleted',
  429: 'Locked out after failed sign-ins: see `retryAfterSeconds` and Retry-After',
};
const moderationErrors = (...codes: number[]) =>
  Object.fromEntries(
    codes.map((code) => [String(code), json('Error', moderationErrorText[code] ?? 'Error')]),
  );
const body = (name: OpenApiSchemaName) => ({
  required: true,
  content: { 'application/json': { schema: ref(name) } },
});
const moderationHeader = {
  name: moderationRequestHeader,
  in: 'header',
  required: true,
  description: 'Must be "1" on every change: a cross-site form cannot send it.',
  schema: { const: '1' },
};
const session = [{ moderatorSession: [] }];
const query = (name: string, schema: object, description?: string) => ({
  name,
  in: 'query',
  schema,
  ...(description ? { description } : {}),
});

/** The moderation API: see src/contract/moderation.ts for what each endpoint does. */
const editorErrorText: Record<number, string> = {
  ...moderationErrorText,
  403: `Not an editor, or a change from another origin or without the ${moderationRequestHeader}: 1 header`,
  404: 'No article with this id',
  409: 'Another article has this slug (`fieldErrors.slug`)',
};
const editorErrors = (...codes: number[]) =>
  Object.fromEntries(
    codes.map((code) => [String(code), json('Error', editorErrorText[code] ?? 'Error')]),
  );
const articleId = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };

/** The editors' article API (src/contract/admin-articles.ts). */
const adminArticlePaths = {
  '/api/admin/articles': {
    get: {
      summary: 'Every article, drafts and scheduled ones too, with its status',
      security: session,
      responses: { '200': json('AdminArticleList', 'The articles'), ...editorErrors(401, 403) },
    },
    post: {
      summary: 'A new draft, its text in Markdown',
      security: session,
      parameters: [moderationHeader],
      requestBody: body('ArticleInput'),
      responses: {
        '201': json('AdminArticle', 'Made, as a draft'),
        ...editorErrors(400, 401, 403, 409),
      },
    },
  },
  '/api/admin/articles/preview': {
    post: {
      summary: 'The body model a Markdown text makes, stored nowhere',
      security: session,
      parameters: [moderationHeader],
      requestBody: body('PreviewRequest'),
      responses: { '200': json('PreviewResponse', 'The body'), ...editorErrors(400, 401, 403) },
    },
  },
  '/api/admin/articles/{id}': {
    get: {
      summary: 'One article, with its Markdown',
      security: session,
      parameters: [articleId],
      responses: { '200': json('AdminArticle', 'The article'), ...editorErrors(401, 403, 404) },
    },
    put: {
      summary: 'Replace its title, description, slug and text (its status stays)',
      security: session,
      parameters: [articleId, moderationHeader],
      requestBody: body('ArticleInput'),
      responses: {
        '200': json('AdminArticle', 'Saved'),
        ...editorErrors(400, 401, 403, 404, 409),
      },
    },
  },
  '/api/admin/articles/{id}/publish': {
    post: {
      summary: 'Publish now, or schedule for a future publishedAt',
      security: session,
      parameters: [articleId, moderationHeader],
      requestBody: body('PublishRequest'),
      responses: {
        '200': json('AdminArticle', 'Published or scheduled'),
        ...editorErrors(400, 401, 403, 404),
      },
    },
  },
  '/api/admin/articles/{id}/unpublish': {
    post: {
      summary: 'Back to a draft: readers lose it at once',
      security: session,
      parameters: [articleId, moderationHeader],
      responses: {
        '200': json('AdminArticle', 'Now a draft'),
        ...editorErrors(401, 403, 404),
      },
    },
  },
};

const moderationPaths = {
  '/api/moderation/session': {
    post: {
      summary: 'Sign in: sets the session cookie',
      parameters: [moderationHeader],
      requestBody: body('SignInRequest'),
      responses: {
        '200': json('ModerationSession', 'Signed in'),
        ...moderationErrors(400, 401, 403, 429),
      },
    },
    delete: {
      summary: 'Sign out this browser',
      security: session,
      parameters: [moderationHeader],
      responses: { '204': { description: 'Signed out' }, ...moderationErrors(401, 403) },
    },
  },
  '/api/moderation/sessions': {
    delete: {
      summary: 'Sign out everywhere: every session of this moderator',
      security: session,
      parameters: [moderationHeader],
      responses: { '204': { description: 'Signed out everywhere' }, ...moderationErrors(401, 403) },
    },
  },
  '/api/moderation/me': {
    get: {
      summary: 'Who is signed in, and until when',
      security: session,
      responses: { '200': json('ModerationSession', 'Signed in'), ...moderationErrors(401) },
    },
  },
  '/api/moderation/comments': {
    get: {
      summary: 'The queue: one tab, newest first, with counts per tab',
      security: session,
      parameters: [
        query('status', { enum: ['pending', 'approved', 'spam', 'trash'], default: 'pending' }),
        query('article', { type: 'string' }, 'An article’s slug'),
        query('q', { type: 'string' }, 'Text, name or email contains this (any case)'),
        query('page', { type: 'integer', minimum: 1, default: 1 }),
        query('limit', { type: 'integer', minimum: 1, maximum: 100, default: 20 }),
      ],
      responses: { '200': json('QueuePage', 'The page'), ...moderationErrors(400, 401) },
    },
  },
  '/api/moderation/comments/actions': {
    post: {
      summary: 'Approve, unapprove, spam, trash, restore, delete permanently, or undo',
      security: session,
      parameters: [moderationHeader],
      requestBody: body('ModerationActionRequest'),
      responses: {
        '200': json('ModerationActionResponse', 'Per-comment results and the undo request'),
        ...moderationErrors(400, 401, 403),
      },
    },
  },
  '/api/moderation/comments/{id}': {
    patch: {
      summary: 'Edit a comment’s text',
      security: session,
      parameters: [commentId, moderationHeader],
      requestBody: body('EditByModeratorRequest'),
      responses: {
        '200': json('EditByModeratorResponse', 'Edited; previousContent undoes it'),
        ...moderationErrors(400, 401, 403, 404),
      },
    },
  },
  '/api/moderation/comments/{id}/reply': {
    post: {
      summary: 'Reply as the site: approved at once, byModerator (approves a held parent)',
      security: session,
      parameters: [commentId, moderationHeader],
      requestBody: body('ReplyRequest'),
      responses: {
        '201': json('ReplyResponse', 'The reply'),
        ...moderationErrors(400, 401, 403, 404, 409),
      },
    },
  },
  '/api/moderation/audit': {
    get: {
      summary: 'The audit log, newest first',
      security: session,
      parameters: [
        query('commentId', { type: 'string' }),
        query('page', { type: 'integer', minimum: 1, default: 1 }),
        query('limit', { type: 'integer', minimum: 1, maximum: 100, default: 50 }),
      ],
      responses: { '200': json('AuditPage', 'The entries'), ...moderationErrors(400, 401) },
    },
  },
  '/api/moderation/settings': {
    get: {
      summary: 'The owner’s rules',
      security: session,
      responses: { '200': json('ModerationSettings', 'The settings'), ...moderationErrors(401) },
    },
    put: {
      summary: 'Replace the owner’s rules (a missing field takes its default)',
      security: session,
      parameters: [moderationHeader],
      requestBody: body('ModerationSettingsRequest'),
      responses: {
        '200': json('ModerationSettings', 'Saved'),
        ...moderationErrors(400, 401, 403),
      },
    },
  },
  '/api/moderation/privacy/export': {
    post: {
      summary: 'Every comment posted with an email address',
      security: session,
      parameters: [moderationHeader],
      requestBody: body('PrivacyRequest'),
      responses: { '200': json('PrivacyExport', 'The export'), ...moderationErrors(400, 401, 403) },
    },
  },
  '/api/moderation/privacy/erase': {
    post: {
      summary: 'Erase a person’s comments (anonymise to placeholders, or delete)',
      security: session,
      parameters: [moderationHeader],
      requestBody: body('PrivacyEraseRequest'),
      responses: {
        '200': json('PrivacyEraseResponse', 'How many were erased'),
        ...moderationErrors(400, 401, 403),
      },
    },
  },
};

/** OpenAPI 3.1, generated from the zod contract: the schemas are the contract's, not copies. */
export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'The Daily Thread API',
    version: '1.0.0',
    description:
      'Articles and their comments, and their moderation. Every error has the shape of `Error`. Emails are accepted, never returned to readers (only to signed-in moderators, under /api/moderation).',
  },
  paths: {
    '/api/articles': {
      get: {
        summary: 'The front page: published articles, newest first',
        responses: { '200': json('ArticleList', 'The articles') },
      },
    },
    '/api/articles/{slug}': {
      get: {
        summary: 'One article',
        parameters: [slug],
        responses: { '200': json('Article', 'The article'), ...errors(404) },
      },
    },
    '/api/articles/{slug}/comments': {
      get: {
        summary: 'A page of comment threads, each with all its replies',
        parameters: [
          slug,
          commenterToken,
          { name: 'order', in: 'query', schema: { enum: ['oldest', 'newest'], default: 'oldest' } },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 } },
          {
            name: 'cursor',
            in: 'query',
            description: 'The `nextCursor` of the previous page',
            schema: { type: 'string' },
          },
        ],
        responses: { '200': json('CommentPage', 'The page'), ...errors(400, 404) },
      },
      post: {
        summary: 'Post a comment (a resend of the same clientId answers 200 with the first result)',
        parameters: [slug, commenterToken],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: ref('CommentRequest') } },
        },
        responses: {
          '201': json('PostCommentResponse', 'Stored (approved, or held for moderation)'),
          '200': json('PostCommentResponse', 'Already stored by an earlier send'),
          ...errors(400, 404, 409, 413, 415, 429),
        },
      },
    },
    '/api/articles/{slug}/comments/{id}': {
      patch: {
        summary: 'Edit your own comment within the edit window',
        parameters: [slug, commentId],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: ref('EditCommentRequest') } },
        },
        responses: {
          '200': json('EditCommentResponse', 'Edited'),
          ...errors(400, 403, 404, 413, 415),
        },
      },
      delete: {
        summary: 'Delete your own comment within the edit window',
        parameters: [slug, commentId],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: ref('DeleteCommentRequest') } },
        },
        responses: { '204': { description: 'Deleted' }, ...errors(400, 403, 404, 413, 415) },
      },
    },
    ...moderationPaths,
    ...adminArticlePaths,
  },
  components: {
    schemas: openApiSchemas,
    securitySchemes: {
      moderatorSession: {
        type: 'apiKey',
        in: 'cookie',
        name: sessionCookieNames.secure,
        description: `HttpOnly, SameSite=Strict; named ${sessionCookieNames.plainHttp} on plain http (development).`,
      },
    },
  },
};
