export interface BigThreadComment {
  id: string;
  articleSlug: string;
  parentId: string | null;
  author: string;
  email: string;
  website: string | null;
  content: string;
  createdAt: string;
  status: 'approved';
  authorToken: null;
  clientId: null;
  editToken: null;
}
export function bigThreadDb(
  slug: string,
  total?: number,
  seed?: number,
): { comments: BigThreadComment[]; nextId: number };
export function describeThread(db: { comments: BigThreadComment[] }): {
  comments: number;
  threads: number;
  lone: number;
  largest: number;
  maxDepth: number;
};
