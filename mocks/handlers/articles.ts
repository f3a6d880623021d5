import { http, HttpResponse } from 'msw';
import { articleListSchema, articleSchema, type ArticleSummary } from '../../src/contract/articles';
import { adminArticlesDb } from '../admin-articles-db';
import { apiPath, errorResponse } from './http';

function toSummary({
  slug,
  headline,
  publishedAt,
  updatedAt,
  byline,
  summary,
  image,
}: ArticleSummary) {
  return { slug, headline, publishedAt, updatedAt, byline, summary, image };
}

export const articleHandlers = [
  http.get(apiPath('/articles'), () => {
    const articles = [...adminArticlesDb.readable()]
      .sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt))
      .map(toSummary);
    // Parsing what we send keeps the fixtures honest to the contract.
    return HttpResponse.json(articleListSchema.parse({ articles }));
  }),
  http.get(apiPath('/articles/:slug'), ({ params }) => {
    const article = adminArticlesDb.readable().find((a) => a.slug === params.slug);
    if (!article) return errorResponse(404, 'No article has that address.');
    return HttpResponse.json(articleSchema.parse(article));
  }),
];
