import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../lib/api-client';
import { articleListSchema, articleSchema } from './article-schemas';

export const articleQueries = {
  all: () => ['articles'] as const,
  list: () =>
    queryOptions({
      queryKey: [...articleQueries.all(), 'list'] as const,
      queryFn: ({ signal }) => apiRequest('/api/articles', articleListSchema, { signal }),
    }),
  detail: (slug: string) =>
    queryOptions({
      queryKey: [...articleQueries.all(), 'detail', slug] as const,
      queryFn: ({ signal }) =>
        apiRequest(`/api/articles/${encodeURIComponent(slug)}`, articleSchema, { signal }),
    }),
};
