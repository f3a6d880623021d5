import { apiRequest } from '../../lib/api-client';
import type { ParsingSchema } from '../../lib/schema';
import {
  adminArticleListSchema,
  adminArticleSchema,
  adminArticlesBasePath,
  previewResponseSchema,
  type ArticleInput,
} from '../../contract/admin-articles';
import { moderationRequestHeader, moderationRequestHeaderValue } from '../../contract/moderation';

function change<T>(path: string, schema: ParsingSchema<T>, method: 'POST' | 'PUT', body: unknown) {
  return apiRequest(`${adminArticlesBasePath}${path}`, schema, {
    method,
    headers: {
      [moderationRequestHeader]: moderationRequestHeaderValue,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify(body),
  });
}

/** The editors' article API (src/contract/admin-articles.ts). */
export const articleAdminApi = {
  list: (signal?: AbortSignal) =>
    apiRequest(adminArticlesBasePath, adminArticleListSchema, signal ? { signal } : {}),
  get: (id: string, signal?: AbortSignal) =>
    apiRequest(
      `${adminArticlesBasePath}/${encodeURIComponent(id)}`,
      adminArticleSchema,
      signal ? { signal } : {},
    ),
  create: (input: ArticleInput) => change('', adminArticleSchema, 'POST', input),
  update: (id: string, input: ArticleInput) =>
    change(`/${encodeURIComponent(id)}`, adminArticleSchema, 'PUT', input),
  publish: (id: string, publishedAt?: string) =>
    change(
      `/${encodeURIComponent(id)}/publish`,
      adminArticleSchema,
      'POST',
      publishedAt ? { publishedAt } : {},
    ),
  unpublish: (id: string) =>
    change(`/${encodeURIComponent(id)}/unpublish`, adminArticleSchema, 'POST', {}),
  preview: (markdown: string, signal?: AbortSignal) =>
    apiRequest(`${adminArticlesBasePath}/preview`, previewResponseSchema, {
      method: 'POST',
      headers: {
        [moderationRequestHeader]: moderationRequestHeaderValue,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ markdown }),
      ...(signal ? { signal } : {}),
    }),
};
