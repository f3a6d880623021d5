import { apiRequest } from '../../lib/api-client';
import { isApiError } from '../../lib/api-error';
import type { ParsingSchema } from '../../lib/schema';
import { articleListSchema } from '../../contract/articles';
import {
  auditPageSchema,
  editByModeratorResponseSchema,
  moderationActionResponseSchema,
  moderationBasePath,
  moderationRequestHeader,
  moderationRequestHeaderValue,
  moderationSessionSchema,
  moderationSettingsSchema,
  privacyEraseResponseSchema,
  privacyExportSchema,
  queuePageSchema,
  replyResponseSchema,
  type ModerationActionRequest,
  type ModerationSettingsInput,
  type QueueQuery,
  type SignInRequest,
} from '../../contract/moderation';
import { z } from '../../contract/zod-mini';

const noContent = z.undefined();

/** A change: JSON in, with the header a cross-site form cannot send (the server checks it). */
function change<T>(
  path: string,
  schema: ParsingSchema<T>,
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  body?: unknown,
): Promise<T> {
  return apiRequest(`${moderationBasePath}${path}`, schema, {
    method,
    headers: {
      [moderationRequestHeader]: moderationRequestHeaderValue,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

function read<T>(path: string, schema: ParsingSchema<T>, signal?: AbortSignal): Promise<T> {
  return apiRequest(`${moderationBasePath}${path}`, schema, signal ? { signal } : {});
}

export const moderationApi = {
  /** The signed-in moderator's session, or null when signed out (401). */
  async me(signal?: AbortSignal) {
    try {
      return await read('/me', moderationSessionSchema, signal);
    } catch (error) {
      if (isApiError(error) && error.status === 401) return null;
      throw error;
    }
  },
  signIn: (request: SignInRequest) => change('/session', moderationSessionSchema, 'POST', request),
  signOut: () => change('/session', noContent, 'DELETE'),
  signOutEverywhere: () => change('/sessions', noContent, 'DELETE'),
  queue(query: QueueQuery, signal?: AbortSignal) {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') search.set(key, String(value));
    }
    return read(`/comments?${search}`, queuePageSchema, signal);
  },
  act: (request: ModerationActionRequest) =>
    change('/comments/actions', moderationActionResponseSchema, 'POST', request),
  edit: (id: string, content: string) =>
    change(`/comments/${encodeURIComponent(id)}`, editByModeratorResponseSchema, 'PATCH', {
      content,
    }),
  reply: (id: string, content: string) =>
    change(`/comments/${encodeURIComponent(id)}/reply`, replyResponseSchema, 'POST', { content }),
  audit: (page: number, signal?: AbortSignal) =>
    read(`/audit?page=${page}`, auditPageSchema, signal),
  settings: (signal?: AbortSignal) => read('/settings', moderationSettingsSchema, signal),
  saveSettings: (settings: ModerationSettingsInput) =>
    change('/settings', moderationSettingsSchema, 'PUT', settings),
  exportByEmail: (email: string) =>
    change('/privacy/export', privacyExportSchema, 'POST', { email }),
  erase: (email: string, mode: 'anonymise' | 'delete') =>
    change('/privacy/erase', privacyEraseResponseSchema, 'POST', { email, mode }),
  /** The site's articles, for the queue's filter (the readers' own endpoint). */
  articles: (signal?: AbortSignal) =>
    apiRequest('/api/articles', articleListSchema, signal ? { signal } : {}),
};
