import { useEffect, useId, useRef, useState } from 'react';
import { formatDateTime } from '../../lib/format-date';
import {
  editByModeratorRequestSchema,
  replyRequestSchema,
  type BulkAction,
  type HeldReason,
  type QueueItem,
} from '../../contract/moderation';
import { LinkedText } from './linked-text';
import { queueItemElementId } from './queue-filter';
import { countLinks } from './links';
import { actionLabels, failureText, useEditByModerator, useReplyAsSite } from './use-queue-actions';

const reasonText: Record<HeldReason, string> = {
  links: 'too many links',
  'moderation-word': 'a moderation word',
  'disallowed-word': 'a disallowed word',
  'first-comment': 'first comment from this author',
};

/** A text box for an edit or a reply, with Save and Cancel; Escape cancels. */
function InlineEditor({
  label,
  initial,
  saveLabel,
  schema,
  pending,
  error,
  onSave,
  onCancel,
}: {
  label: string;
  initial: string;
  saveLabel: string;
  schema: typeof editByModeratorRequestSchema | typeof replyRequestSchema;
  pending: boolean;
  error: string | null;
  onSave: (content: string) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [value, setValue] = useState(initial);
  const [invalid, setInvalid] = useState<string | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => box.current?.focus(), []);
  const message = invalid ?? error;
  return (
    <form
      className="queue-editor"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (pending) return;
        const parsed = schema.safeParse({ content: value });
        if (!parsed.success) {
          setInvalid(parsed.error.issues[0]?.message ?? 'Check the text.');
          box.current?.focus();
          return;
        }
        setInvalid(null);
        onSave(parsed.data.content);
      }}
    >
      <label htmlFor={`${id}-text`}>{label}</label>
      <textarea
        ref={box}
        id={`${id}-text`}
        rows={4}
        dir="auto"
        value={value}
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? `${id}-error` : undefined}
        onChange={(event) => setValue(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onCancel();
        }}
      />
      {message ? (
        <p id={`${id}-error`} className="moderation-form__error" role="alert">
          {message}
        </p>
      ) : null}
      <div className="queue-editor__buttons">
        <button type="submit" className="button" aria-disabled={pending || undefined}>
          {pending ? 'Saving…' : saveLabel}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Asks before a permanent delete: what will go, with Cancel focused (the safe choice). */
export function ConfirmDelete({
  what,
  onConfirm,
  onCancel,
}: {
  what: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const id = useId();
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div className="queue-confirm" role="group" aria-labelledby={`${id}-question`}>
      <p id={`${id}-question`}>Delete {what} permanently? This cannot be undone.</p>
      <button type="button" className="button" onClick={onConfirm}>
        Yes, delete permanently
      </button>
      <button ref={cancel} type="button" className="button button--quiet" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

export function QueueItemView({
  item,
  actions,
  selected,
  onSelect,
  onAction,
}: {
  item: QueueItem;
  actions: readonly BulkAction[];
  selected: boolean;
  onSelect: (selected: boolean) => void;
  onAction: (action: BulkAction) => void;
}) {
  const id = useId();
  const [mode, setMode] = useState<'read' | 'edit' | 'reply' | 'confirm-delete'>('read');
  const edit = useEditByModerator();
  const reply = useReplyAsSite();
  const opener = useRef<HTMLButtonElement | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const replyButton = useRef<HTMLButtonElement>(null);
  const links = countLinks(item.content);
  const editable = item.status === 'pending' || item.status === 'approved';

  function back() {
    setMode('read');
    requestAnimationFrame(() => opener.current?.focus());
  }

  return (
    <article
      id={queueItemElementId(item.id)}
      className={`queue-item${selected ? ' queue-item--selected' : ''}`}
      aria-labelledby={`${id}-author`}
      tabIndex={-1}
      data-queue-item={item.id}
    >
      <div className="queue-item__select">
        <input
          id={`${id}-select`}
          type="checkbox"
          checked={selected}
          onChange={(event) => onSelect(event.target.checked)}
        />
        <label htmlFor={`${id}-select`} className="visually-hidden">
          Select the comment by {item.author}
        </label>
      </div>
      <div className="queue-item__main">
        <header className="queue-item__header">
          <h3 id={`${id}-author`} className="queue-item__author" dir="auto">
            {item.author}
            {item.byModerator ? <span className="queue-item__badge"> Moderator</span> : null}
          </h3>
          <p className="queue-item__where">
            on{' '}
            <a href={`/articles/${encodeURIComponent(item.article.slug)}#comment-${item.id}`}>
              {item.article.title}
            </a>
            , <time dateTime={item.createdAt}>{formatDateTime(item.createdAt)}</time>
            {item.editedAt ? ' (edited)' : null}
          </p>
          <dl className="queue-item__details">
            <div>
              <dt>Email</dt>
              <dd>{item.email || '—'}</dd>
            </div>
            <div>
              <dt>Website</dt>
              <dd>{item.website ?? '—'}</dd>
            </div>
            <div>
              <dt>IP</dt>
              <dd>{item.ip ?? 'not kept'}</dd>
            </div>
            <div>
              <dt>Links</dt>
              <dd>{links}</dd>
            </div>
          </dl>
        </header>
        {item.reasons.length > 0 ? (
          <p className="queue-item__reasons">
            <strong>{item.status === 'spam' ? 'Sent to spam for' : 'Held for'}:</strong>{' '}
            {item.reasons.map((reason) => reasonText[reason]).join('; ')}
          </p>
        ) : null}
        {mode === 'edit' ? (
          <InlineEditor
            label={`Edit the comment by ${item.author}`}
            initial={item.content}
            saveLabel="Save"
            schema={editByModeratorRequestSchema}
            pending={edit.isPending}
            error={edit.error ? failureText(edit.error) : null}
            onCancel={back}
            onSave={(content) => edit.mutate({ id: item.id, content }, { onSuccess: back })}
          />
        ) : (
          <LinkedText text={item.content} />
        )}
        {mode === 'confirm-delete' ? (
          <ConfirmDelete
            what={`the comment by ${item.author}`}
            onCancel={back}
            onConfirm={() => onAction('delete')}
          />
        ) : null}
        {mode === 'read' ? (
          <div
            className="queue-item__actions"
            role="group"
            aria-label={`Actions on the comment by ${item.author}`}
          >
            {actions.map((action) => (
              <button
                key={action}
                type="button"
                className={`button${action === 'approve' ? '' : ' button--quiet'}`}
                onClick={(event) => {
                  if (action === 'delete') {
                    opener.current = event.currentTarget;
                    setMode('confirm-delete');
                  } else onAction(action);
                }}
              >
                {actionLabels[action]}
              </button>
            ))}
            {editable ? (
              <>
                <button
                  ref={editButton}
                  type="button"
                  className="button button--quiet"
                  onClick={() => {
                    opener.current = editButton.current;
                    edit.reset();
                    setMode('edit');
                  }}
                >
                  Edit
                </button>
                <button
                  ref={replyButton}
                  type="button"
                  className="button button--quiet"
                  onClick={() => {
                    opener.current = replyButton.current;
                    reply.reset();
                    setMode('reply');
                  }}
                >
                  Reply
                </button>
              </>
            ) : null}
          </div>
        ) : null}
        {mode === 'reply' ? (
          <InlineEditor
            label={`Reply to ${item.author} as the site`}
            initial=""
            saveLabel="Publish reply"
            schema={replyRequestSchema}
            pending={reply.isPending}
            error={reply.error ? failureText(reply.error) : null}
            onCancel={back}
            onSave={(content) => reply.mutate({ id: item.id, content }, { onSuccess: back })}
          />
        ) : null}
      </div>
    </article>
  );
}
