import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { QueueTab } from '../../contract/moderation';
import { articleAdminApi } from './article-admin-api';
import { moderationApi } from './moderation-api';

/** What the queue screen asks for: its address's query, with the defaults filled in. */
export interface QueueFilter {
  status: QueueTab;
  article: string | null;
  q: string;
  page: number;
}

export const queuePageSize = 20;

/** Query keys only come from here; invalidations use the prefixes below. */
export const moderationQueries = {
  all: () => ['moderation'] as const,
  session: () =>
    queryOptions({
      queryKey: [...moderationQueries.all(), 'session'] as const,
      queryFn: ({ signal }) => moderationApi.me(signal),
      staleTime: 60_000,
    }),
  /** Every queue page, whatever its filter: what an action invalidates. */
  queues: () => [...moderationQueries.all(), 'queue'] as const,
  queue: (filter: QueueFilter) =>
    queryOptions({
      queryKey: [...moderationQueries.queues(), filter] as const,
      queryFn: ({ signal }) =>
        moderationApi.queue(
          {
            status: filter.status,
            ...(filter.article ? { article: filter.article } : {}),
            ...(filter.q ? { q: filter.q } : {}),
            page: filter.page,
            limit: queuePageSize,
          },
          signal,
        ),
      // The tab's old list stays on screen while the new one loads: no flash of an empty list.
      placeholderData: keepPreviousData,
    }),
  audits: () => [...moderationQueries.all(), 'audit'] as const,
  audit: (page: number) =>
    queryOptions({
      queryKey: [...moderationQueries.audits(), page] as const,
      queryFn: ({ signal }) => moderationApi.audit(page, signal),
      placeholderData: keepPreviousData,
    }),
  settings: () =>
    queryOptions({
      queryKey: [...moderationQueries.all(), 'settings'] as const,
      queryFn: ({ signal }) => moderationApi.settings(signal),
    }),
  articles: () =>
    queryOptions({
      queryKey: [...moderationQueries.all(), 'articles'] as const,
      queryFn: ({ signal }) => moderationApi.articles(signal),
      staleTime: 5 * 60_000,
    }),
  /** The editors' articles: every list and article, what a change invalidates. */
  adminArticles: () => [...moderationQueries.all(), 'admin-articles'] as const,
  adminArticleList: () =>
    queryOptions({
      queryKey: [...moderationQueries.adminArticles(), 'list'] as const,
      queryFn: ({ signal }) => articleAdminApi.list(signal),
    }),
  adminArticle: (id: string) =>
    queryOptions({
      queryKey: [...moderationQueries.adminArticles(), 'one', id] as const,
      queryFn: ({ signal }) => articleAdminApi.get(id, signal),
    }),
  /** The body the editor's Markdown makes, for the preview. */
  articlePreview: (markdown: string) =>
    queryOptions({
      queryKey: [...moderationQueries.all(), 'article-preview', markdown] as const,
      queryFn: ({ signal }) => articleAdminApi.preview(markdown, signal),
      placeholderData: keepPreviousData,
      staleTime: Infinity,
    }),
};
