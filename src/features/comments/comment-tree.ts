import type { Comment } from '../../contract/comments';

export const maxThreadDepth = 5;

export interface CommentNode {
  comment: Comment;
  depth: number;
  replies: CommentNode[];
}

const byAge = (a: CommentNode, b: CommentNode) =>
  Date.parse(a.comment.createdAt) - Date.parse(b.comment.createdAt);

/**
 * Builds threads from the flat list the API sends. Threads keep the order they arrive in;
 * replies are oldest first. A reply whose parent is not in the list is shown at the top level
 * rather than lost, and, like WordPress, replies below the fifth level join the fifth level.
 */
export function buildCommentTree(comments: readonly Comment[]): CommentNode[] {
  const ids = new Set(comments.map((c) => c.id));
  const childrenOf = new Map<string, Comment[]>();
  const roots: Comment[] = [];
  for (const comment of comments) {
    if (comment.parentId && ids.has(comment.parentId) && comment.parentId !== comment.id) {
      const siblings = childrenOf.get(comment.parentId) ?? [];
      siblings.push(comment);
      childrenOf.set(comment.parentId, siblings);
    } else {
      roots.push(comment);
    }
  }

  // Returns the node and, at the deepest level, its replies as its own siblings.
  function build(comment: Comment, depth: number, seen: Set<string>): CommentNode[] {
    if (seen.has(comment.id)) return [];
    seen.add(comment.id);
    const node: CommentNode = { comment, depth, replies: [] };
    const children = childrenOf.get(comment.id) ?? [];
    if (depth < maxThreadDepth) {
      node.replies = children.flatMap((child) => build(child, depth + 1, seen)).sort(byAge);
      return [node];
    }
    return [node, ...children.flatMap((child) => build(child, depth, seen))];
  }

  const seen = new Set<string>();
  return roots.flatMap((root) => build(root, 1, seen));
}
