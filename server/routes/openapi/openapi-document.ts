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
import { apiErrorBodySchema } from '../../../src/contract/errors';

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

/** OpenAPI 3.1, generated from the zod contract: the schemas are the contract's, not copies. */
export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'The Daily Thread API',
    version: '1.0.0',
    description:
      'Articles and their comments. Every error has the shape of `Error`. Emails are accepted, never returned.',
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
  },
  components: { schemas: openApiSchemas },
};
