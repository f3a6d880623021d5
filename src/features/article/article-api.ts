import { apiRequest } from '../../lib/api-client';
import type { Article, ArticleList } from '../../contract/articles';

// The schemas (and zod with them) load alongside the first request for article data, in
// parallel with it: a prerendered page, which needs no request, never loads them.
const schemas = () => import('../../contract/articles');

export function fetchArticleList(): Promise<ArticleList> {
  return apiRequest('/api/articles', () => schemas().then((s) => s.articleListSchema));
}

export function fetchArticle(slug: string): Promise<Article> {
  return apiRequest(`/api/articles/${encodeURIComponent(slug)}`, () =>
    schemas().then((s) => s.articleSchema),
  );
}
