import { useEffect, useId, useRef, useState } from 'react';
import { describeError } from '../../lib/error-message';
import { isApiError } from '../../lib/api-error';
import { useEditComment } from './comment-edits';
import { commentFieldsSchema } from '../../contract/comment-fields';

/** Edits the reader's own comment in place: a labelled textbox with Save and Cancel. */
export function CommentEditor({
  slug,
  commentId,
  text,
  editToken,
  onDone,
}: {
  slug: string;
  commentId: string;
  text: string;
  editToken: string;
  onDone: (outcome: 'saved' | 'cancelled') => void;
}) {
  const id = useId();
  const [value, setValue] = useState(text);
  const [error, setError] = useState<string | null>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const edit = useEditComment(slug);

  useEffect(() => {
    textareaRef.current?.focus();
  }, []);

  function save() {
    const parsed = commentFieldsSchema.shape.comment.safeParse(value);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Please type your comment text.');
      textareaRef.current?.focus();
      return;
    }
    setError(null);
    edit.mutate(
      { id: commentId, comment: parsed.data, editToken },
      {
        onSuccess: () => onDone('saved'),
        onError: (failure) =>
          setError(
            isApiError(failure) && failure.kind === 'http' && failure.status < 500
              ? failure.message
              : `${describeError(failure).title}. ${describeError(failure).detail}`,
          ),
      },
    );
  }

  return (
    <form
      className="comment-editor"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <label htmlFor={`${id}-text`}>Edit comment</label>
      <textarea
        ref={textareaRef}
        id={`${id}-text`}
        rows={5}
        dir="auto"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => setValue(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onDone('cancelled');
        }}
      />
      {error ? (
        <p id={`${id}-error`} className="comment-form__error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="comment-editor__actions">
        <button type="submit" className="button" aria-disabled={edit.isPending || undefined}>
          {edit.isPending ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="button button--quiet" onClick={() => onDone('cancelled')}>
          Cancel
        </button>
      </div>
    </form>
  );
}
