import { createContext, use } from 'react';
import { RemoteStore, useRemoteData, type RemoteStoreOptions } from '../../lib/remote-data';
import { fetchArticle, fetchArticleList } from './article-api';
import type { Article, ArticleList } from '../../contract/articles';

/** The article data a page can show: articles by slug, and the front page's list. */
export interface ArticleData {
  articles: RemoteStore<Article>;
  list: RemoteStore<ArticleList>;
}

const listKey = 'latest';

export function createArticleData(options?: RemoteStoreOptions): ArticleData {
  return {
    articles: new RemoteStore(fetchArticle, options),
    list: new RemoteStore(() => fetchArticleList(), options),
  };
}

/** What the prerendered page was built from, so hydration renders the same and fetches nothing. */
export interface ArticleDataSnapshot {
  article?: Article;
  list?: ArticleList;
}

export function seedArticleData(data: ArticleData, snapshot: ArticleDataSnapshot): void {
  if (snapshot.article) data.articles.seed(snapshot.article.slug, snapshot.article);
  if (snapshot.list) data.list.seed(listKey, snapshot.list);
}

export const ArticleDataContext = createContext<ArticleData | null>(null);

function useArticleData(): ArticleData {
  const data = use(ArticleDataContext);
  if (!data) throw new Error('No ArticleDataContext above this component');
  return data;
}

export function useArticle(slug: string) {
  return useRemoteData(useArticleData().articles, slug);
}

export function useArticleList() {
  return useRemoteData(useArticleData().list, listKey);
}
