import { apiRequest } from '../../lib/api-client';
import type { Article, ArticleList } from '../../contract/articles';

// The schemas (and zod with them) load alongside the first request for article data, in
// parallel with it: a prerendered page, which needs no request, never loads them. They skip
// what cannot be shown (an unknown block, a bad story) instead of failing the page.
const schemas = () => import('./tolerant-article-schemas');

export function fetchArticleList(): Promise<ArticleList> {
  return apiRequest('/api/articles', () => schemas().then((s) => s.tolerantArticleListSchema));
}

export function fetchArticle(slug: string): Promise<Article> {
  return apiRequest(`/api/articles/${encodeURIComponent(slug)}`, () =>
    schemas().then((s) => s.tolerantArticleSchema),
  );
}
