import type { ReactNode } from 'react';
import { formatDateTime } from '../../lib/format-date';
import { safeHttpUrl } from '../../lib/safe-url';
import { CommentAvatar } from './comment-avatar';
import { CommentText } from './comment-text';
import type { CommentNode } from './comment-tree';
import { isPendingComment } from './use-pending-comments';

export interface CommentItemProps {
  node: CommentNode;
  highlightedId: string | null;
  /** Ids of shown comments that wait for the network to come back. */
  waitingIds: ReadonlySet<string>;
  onReply: (comment: { id: string; author: string }) => void;
  /** The reply form, when the reader is replying to this comment. */
  renderReplyForm: (commentId: string) => ReactNode;
}

export function CommentItem({
  node,
  highlightedId,
  waitingIds,
  onReply,
  renderReplyForm,
}: CommentItemProps) {
  const { comment, depth, replies } = node;
  const elementId = `comment-${comment.id}`;
  const sending = isPendingComment(comment);
  const pending = comment.status === 'pending';
  // Held comments show without links, as WordPress does.
  const website = pending || !comment.website ? null : safeHttpUrl(comment.website);
  const classes = ['comment', `comment--depth-${depth}`];
  if (highlightedId === comment.id) classes.push('comment--highlighted');
  if (sending) classes.push('comment--sending');

  return (
    <li id={elementId} className={classes.join(' ')}>
      <article className="comment__body" aria-labelledby={`${elementId}-author`} tabIndex={-1}>
        <header className="comment__meta">
          <CommentAvatar name={comment.author} />
          <div className="comment__meta-text">
            <span id={`${elementId}-author`} className="comment__author" dir="auto">
              {website ? (
                <a href={website} rel="nofollow ugc noopener">
                  {comment.author}
                </a>
              ) : (
                comment.author
              )}
            </span>
            {sending ? (
              <span className="comment__status">
                {waitingIds.has(comment.id) ? 'Waiting for a connection to post…' : 'Posting…'}
              </span>
            ) : (
              <a className="comment__permalink" href={`#${elementId}`}>
                <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt)}</time>
              </a>
            )}
          </div>
        </header>
        {pending ? (
          <p className="comment__moderation">Your comment is awaiting moderation.</p>
        ) : null}
        <CommentText text={comment.content} />
        {sending ? null : (
          <button
            type="button"
            className="comment__reply button button--quiet"
            aria-label={`Reply to ${comment.author}`}
            onClick={() => onReply({ id: comment.id, author: comment.author })}
          >
            Reply
          </button>
        )}
      </article>
      {renderReplyForm(comment.id)}
      {replies.length > 0 ? (
        <ol className="comment-list comment-list--children">
          {replies.map((reply) => (
            <CommentItem
              key={reply.comment.id}
              node={reply}
              highlightedId={highlightedId}
              waitingIds={waitingIds}
              onReply={onReply}
              renderReplyForm={renderReplyForm}
            />
          ))}
        </ol>
      ) : null}
    </li>
  );
}
