import type { Comment } from '../../src/contract/comments';
import { buildCommentTree, type CommentNode } from '../../src/features/comments/comment-tree';

function comment(id: number, parentId: number | null): Comment {
  return {
    id: String(id),
    parentId: parentId === null ? null : String(parentId),
    author: `Author ${id}`,
    website: null,
    content: `Comment ${id}`,
    createdAt: new Date(Date.UTC(2024, 0, 1, 0, id)).toISOString(),
    status: 'approved',
  };
}

function shape(nodes: CommentNode[]): unknown[] {
  return nodes.map((n) => (n.replies.length ? [n.comment.id, shape(n.replies)] : n.comment.id));
}

describe('buildCommentTree', () => {
  it('nests replies under their parents, oldest first', () => {
    const tree = buildCommentTree([
      comment(1, null),
      comment(4, 1),
      comment(2, null),
      comment(3, 1),
    ]);
    expect(shape(tree)).toEqual([['1', ['3', '4']], '2']);
  });

  it('nests five deep, then attaches deeper replies at the fifth level', () => {
    const chain = [comment(1, null), ...[2, 3, 4, 5, 6, 7].map((id) => comment(id, id - 1))];
    const tree = buildCommentTree(chain);
    expect(shape(tree)).toEqual([['1', [['2', [['3', [['4', ['5', '6', '7']]]]]]]]]);
    const depths: number[] = [];
    const walk = (nodes: CommentNode[]) =>
      nodes.forEach((n) => {
        depths.push(n.depth);
        walk(n.replies);
      });
    walk(tree);
    expect(Math.max(...depths)).toBe(5);
  });

  it('shows a reply whose parent is missing at the top level instead of losing it', () => {
    expect(shape(buildCommentTree([comment(1, null), comment(9, 8)]))).toEqual(['1', '9']);
  });
});
