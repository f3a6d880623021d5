import { createContext, use } from 'react';
import type { CommentFormEcho, CommentOrder, CommentPage } from '../contract/comments';

/**
 * The first page of an article's comments as the server rendered it into the HTML (and sent
 * along in the page's JSON state): the section hydrates from it instead of fetching page 1.
 */
export interface InitialComments {
  slug: string;
  order: CommentOrder;
  page: CommentPage;
  /** The form as a post without JavaScript left it, refused (that page is never cached). */
  echo?: CommentFormEcho;
}

export const InitialCommentsContext = createContext<InitialComments | null>(null);

/** The server-rendered first page of this article's comments, if the HTML has one. */
export function useInitialComments(slug: string): InitialComments | null {
  const initial = use(InitialCommentsContext);
  return initial?.slug === slug ? initial : null;
}
