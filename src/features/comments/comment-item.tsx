import { memo, Suspense, use, useEffect, useRef, useState } from 'react';
import { ShareButton } from '../../components/share-button';
import { formatDateTime } from '../../lib/format-date';
import { safeHttpUrl } from '../../contract/safe-url';
import { CommentAvatar } from './comment-avatar';
import { CommentEditor } from './comment-editor';
import { useDeleteComment } from './comment-edits';
import { CommentText } from './comment-text';
import { useCommentThread } from './comment-thread-context';
import type { CommentNode } from './comment-tree';
import { useEditToken } from './use-edit-token';
import { isPendingComment } from './use-pending-comments';
import { ModeratorToolsContext } from './moderator-tools-slot';

/** A branch with more replies than this shows the first few and a "Show N more replies" button. */
const collapseAbove = 5;
const shownWhenCollapsed = 3;

function contains(nodes: readonly CommentNode[], id: string | null): boolean {
  return id !== null && nodes.some((n) => n.comment.id === id || contains(n.replies, id));
}

function countAll(nodes: readonly CommentNode[]): number {
  return nodes.reduce((sum, n) => sum + 1 + countAll(n.replies), 0);
}

/**
 * The same comments in the same places: the tree is built anew on every render of the section,
 * but the comments in it are the query cache's own objects, unchanged unless their page changed.
 */
function sameNode(a: CommentNode, b: CommentNode): boolean {
  return (
    a.comment === b.comment &&
    a.depth === b.depth &&
    a.replies.length === b.replies.length &&
    a.replies.every((reply, i) => sameNode(reply, b.replies[i] as CommentNode))
  );
}

/**
 * One comment and its replies. Memoised: "Load more" re-renders the section, and re-rendering
 * every thread already on screen (hundreds, in a busy thread) made the next page late.
 */
export const CommentItem = memo(CommentItemView, (prev, next) => sameNode(prev.node, next.node));

function CommentItemView({ node }: { node: CommentNode }) {
  const {
    slug,
    announce,
    highlightedId,
    revealId,
    waitingIds,
    onReply,
    closed,
    replyingTo,
    replyForm,
    onModerated,
    hydrated,
  } = useCommentThread();
  const moderatorTools = use(ModeratorToolsContext);
  const { comment, depth, replies } = node;
  const [expanded, setExpanded] = useState(false);
  // The token is taken when editing starts: if the window closes mid-edit, the words stay on
  // screen and the server's refusal says why.
  const [editingWith, setEditingWith] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const own = useEditToken(comment.id, hydrated);
  // Server-rendered comments show UTC times until hydrated (as LocalDate does).
  const clock = hydrated ? 'local' : 'utc';
  const remove = useDeleteComment(slug, () => announce('Your comment was deleted.'));
  const editButton = useRef<HTMLButtonElement>(null);
  const elementId = `comment-${comment.id}`;
  const sending = isPendingComment(comment);
  const pending = comment.status === 'pending';
  // Held comments show without links, as WordPress does.
  const website = pending || !comment.website ? null : safeHttpUrl(comment.website);
  const classes = ['comment', `comment--depth-${depth}`];
  if (highlightedId === comment.id) classes.push('comment--highlighted');
  if (sending) classes.push('comment--sending');

  const collapsible = replies.length > collapseAbove;
  const hidden = collapsible ? replies.slice(shownWhenCollapsed) : [];
  const open = !collapsible || expanded || contains(hidden, revealId);
  const shownReplies = open ? replies : replies.slice(0, shownWhenCollapsed);
  const hiddenCount = countAll(hidden);

  // The button goes away once pressed: focus moves to the first reply it revealed.
  const firstRevealed = useRef<string | null>(null);
  useEffect(() => {
    const id = firstRevealed.current;
    if (!expanded || !id) return;
    firstRevealed.current = null;
    document.getElementById(`comment-${id}`)?.querySelector<HTMLElement>('.comment__body')?.focus();
  }, [expanded]);

  function confirmDelete() {
    if (!own || !window.confirm('Delete your comment? This can’t be undone.')) return;
    setActionError(null);
    remove.mutate(
      { id: comment.id, editToken: own.token },
      {
        onError: (error) =>
          setActionError(error instanceof Error ? error.message : 'It could not be deleted.'),
      },
    );
  }

  const replyList =
    replies.length > 0 ? (
      <ol className="comment-list comment-list--children">
        {shownReplies.map((reply) => (
          <CommentItem key={reply.comment.id} node={reply} />
        ))}
      </ol>
    ) : null;

  if (comment.status === 'deleted') {
    return (
      <li id={elementId} className={`${classes.join(' ')} comment--deleted`}>
        <p className="comment__body comment__deleted">This comment was deleted.</p>
        {replyList}
      </li>
    );
  }

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
            {comment.byModerator ? <span className="comment__badge">Moderator</span> : null}
            {sending ? (
              <span className="comment__status">
                {waitingIds.has(comment.id) ? 'Waiting for a connection to post…' : 'Posting…'}
              </span>
            ) : (
              <a className="comment__permalink" href={`#${elementId}`}>
                <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt, clock)}</time>
              </a>
            )}
            {comment.editedAt ? (
              <span className="comment__edited" title={formatDateTime(comment.editedAt, clock)}>
                edited
              </span>
            ) : null}
          </div>
        </header>
        {pending ? (
          <p className="comment__moderation">Your comment is awaiting moderation.</p>
        ) : null}
        {editingWith ? (
          <CommentEditor
            slug={slug}
            commentId={comment.id}
            text={comment.content}
            editToken={editingWith}
            onDone={(outcome) => {
              setEditingWith(null);
              if (outcome === 'saved') announce('Your changes were saved.');
              // The editor goes away: focus returns to the button that opened it.
              requestAnimationFrame(() => editButton.current?.focus());
            }}
          />
        ) : (
          <CommentText text={comment.content} />
        )}
        {sending || editingWith ? null : (
          <div className="comment__actions">
            {pending || closed ? null : (
              // A held comment cannot be replied to until it is published (as in WordPress).
              <button
                type="button"
                className="comment__reply button button--quiet"
                aria-label={`Reply to ${comment.author}`}
                onClick={() => onReply({ id: comment.id, author: comment.author })}
              >
                Reply
              </button>
            )}
            <ShareButton
              title={`Comment by ${comment.author}`}
              url={`/articles/${encodeURIComponent(slug)}#${elementId}`}
              what="comment"
              describedAs={`to the comment by ${comment.author}`}
            />
            {moderatorTools && hydrated && !pending ? (
              <Suspense fallback={null}>
                <moderatorTools.CommentTools
                  slug={slug}
                  commentId={comment.id}
                  author={comment.author}
                  onChanged={onModerated}
                />
              </Suspense>
            ) : null}
            {own ? (
              <>
                <button
                  ref={editButton}
                  type="button"
                  className="button button--quiet"
                  onClick={() => setEditingWith(own.token)}
                >
                  Edit
                </button>
                <button
                  type="button"
                  className="button button--quiet"
                  aria-disabled={remove.isPending || undefined}
                  onClick={confirmDelete}
                >
                  Delete
                </button>
              </>
            ) : null}
          </div>
        )}
        {actionError ? (
          <p className="comment-form__error" role="alert">
            {actionError}
          </p>
        ) : null}
      </article>
      {replyingTo === comment.id ? replyForm : null}
      {replyList}
      {open ? null : (
        <p className="comment__more-replies">
          <button
            type="button"
            className="button button--quiet"
            aria-label={`Show ${hiddenCount} more replies to ${comment.author}`}
            onClick={() => {
              firstRevealed.current = hidden[0]?.comment.id ?? null;
              setExpanded(true);
            }}
          >
            Show {hiddenCount} more replies
          </button>
        </p>
      )}
    </li>
  );
}
