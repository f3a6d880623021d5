import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type ChangeEvent, type ReactNode } from 'react';
import { isApiError } from '../../lib/api-error';
import { useFormFields, type FieldErrors } from '../../lib/use-form-fields';
import { useNow } from '../../lib/use-now';
import { z } from '../../contract/zod-mini';
import { commentDraft } from './comment-draft';
import { commentMutationKeys } from './comment-queries';
import { commentFieldsSchema } from '../../contract/comment-fields';
import { commentFormAction, type Comment, type CommentFormEcho } from '../../contract/comments';
import type { PostCommentVariables } from './post-comment';
import { postErrorMessage } from './post-error-message';
import { watchPost } from './queued-comments';
import { savedDetails } from './saved-details';
import { useLeaveGuard } from './use-leave-guard';
import type { PendingComment } from './use-pending-comments';

const formSchema = z.extend(commentFieldsSchema, {
  saveDetails: z.boolean(),
  homepage: z.string(),
});
type FormInput = z.input<typeof formSchema>;
type FormOutput = z.output<typeof formSchema>;
type FieldName = 'comment' | 'name' | 'email' | 'website';
const fieldLabels: Record<FieldName, string> = {
  comment: 'Comment',
  name: 'Name',
  email: 'Email',
  website: 'Website',
};
const fieldOrder = Object.keys(fieldLabels) as FieldName[];
/** Automatic retries after a network failure or a server error: 2 s, 4 s, then 8 s apart. */
const autoRetries = 3;
const retryDelayMs = (attempt: number) => 1000 * 2 ** attempt;

type Notice =
  | { kind: 'invalid'; message: string }
  | { kind: 'refused'; message: string }
  | { kind: 'failed'; message: string; attempt: number; at: number; retryAt: number | null }
  | { kind: 'rate-limited'; at: number; until: number; seconds: number };

function isFieldName(name: string): name is FieldName {
  return name in fieldLabels;
}

function initialValues(
  slug: string,
  parentId: string | null,
  echo: CommentFormEcho | undefined,
): FormInput {
  if (echo) return { ...echo.values, saveDetails: false, homepage: '' };
  const saved = savedDetails.read();
  return {
    comment: commentDraft.read(slug, parentId),
    name: saved?.name ?? '',
    email: saved?.email ?? '',
    website: saved?.website ?? '',
    saveDetails: saved !== null,
    homepage: '',
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export interface CommentFormProps {
  slug: string;
  replyTo: { id: string; author: string } | null;
  /** This form's post, while the server has not confirmed it (queued offline included). */
  pending: PendingComment | undefined;
  onCancelReply: () => void;
  onPosted: (comment: Comment) => void;
  /** What a post without JavaScript sent, refused: shown as it came back from the server. */
  echo?: CommentFormEcho;
}

export function CommentForm({
  slug,
  replyTo,
  pending,
  onCancelReply,
  onPosted,
  echo,
}: CommentFormProps) {
  const parentId = replyTo?.id ?? null;
  const id = useId();
  const ids = {
    title: `${id}-title`,
    notes: `${id}-email-notes`,
    field: (name: FieldName) => `${id}-${name}`,
    error: (name: FieldName) => `${id}-${name}-error`,
  };
  const formRef = useRef<HTMLFormElement>(null);
  const { register, handleSubmit, setError, setFocus, resetField, getValues, errors } =
    useFormFields<FormInput, FormOutput>({
      schema: formSchema,
      defaultValues: initialValues(slug, parentId, echo),
      order: fieldOrder,
    });
  const mutation = useMutation<{ comment: Comment }, unknown, PostCommentVariables>({
    mutationKey: commentMutationKeys.post(slug),
    // This form shows each failure and retries it itself (see handleFailure).
    retry: false,
  });
  const [notice, setNotice] = useState<Notice | null>(() =>
    echo ? { kind: 'refused', message: echo.message } : null,
  );
  // The server's errors by field stay until the reader sends again (then the form's own speak).
  const [echoErrors, setEchoErrors] = useState(echo?.fieldErrors ?? {});
  const [hasText, setHasText] = useState(() => getValues('comment').trim() !== '');
  // One id per comment: resending the same words reuses it, so the server can spot a repeat.
  const submission = useRef<{ clientId: string; fingerprint: string } | null>(null);
  const sending = useRef(false);
  // While this form is on screen it answers for its post's failures; once it goes, a failure of
  // a post still under way leaves the post queued (see queued-comments.ts).
  const watching = useRef<(() => void) | null>(null);
  useEffect(() => () => watching.current?.(), []);

  const counting =
    notice?.kind === 'rate-limited' || (notice?.kind === 'failed' && notice.retryAt !== null);
  // The clock ticks only while counting down; it never reads earlier than the notice itself.
  const now = Math.max(useNow(counting), notice && 'at' in notice ? notice.at : 0);
  const waitSeconds =
    notice?.kind === 'rate-limited' ? Math.max(0, Math.ceil((notice.until - now) / 1000)) : 0;
  const busy = mutation.isPending || pending !== undefined;

  useLeaveGuard(hasText || pending !== undefined);

  useEffect(() => {
    if (replyTo) setFocus('comment');
  }, [replyTo, setFocus]);

  // A post restored after a reload finishes without this form's callbacks: once it is gone,
  // show what the draft holds now (empty, unless newer words were typed elsewhere).
  const pendingClientId = pending?.clientId;
  const lastPendingClientId = useRef(pendingClientId);
  useEffect(() => {
    if (lastPendingClientId.current && !pendingClientId) {
      const draft = commentDraft.read(slug, parentId);
      resetField('comment', { defaultValue: draft });
      setHasText(draft.trim() !== '');
    }
    lastPendingClientId.current = pendingClientId;
  }, [pendingClientId, slug, parentId, resetField]);

  // Automatic retry, with the same client id, when the countdown ends.
  const retryAt = notice?.kind === 'failed' ? notice.retryAt : null;
  useEffect(() => {
    if (retryAt === null) return;
    const timer = window.setTimeout(
      () => formRef.current?.requestSubmit(),
      Math.max(0, retryAt - Date.now()),
    );
    return () => window.clearTimeout(timer);
  }, [retryAt]);

  function onValid(values: FormOutput) {
    setEchoErrors({});
    if (sending.current || busy || waitSeconds > 0) return;
    sending.current = true;
    const attempt = notice?.kind === 'failed' ? notice.attempt + 1 : 1;
    setNotice(null);
    if (values.saveDetails) {
      savedDetails.save({ name: values.name, email: values.email, website: values.website });
    } else {
      savedDetails.forget();
    }
    const fingerprint = JSON.stringify([
      parentId,
      values.comment,
      values.name,
      values.email,
      values.website,
    ]);
    if (submission.current?.fingerprint !== fingerprint) {
      submission.current = { clientId: crypto.randomUUID(), fingerprint };
    }
    watching.current?.();
    watching.current = watchPost(submission.current.clientId);
    const request = {
      comment: values.comment,
      name: values.name,
      email: values.email,
      website: values.website,
      parentId,
      clientId: submission.current.clientId,
      ...(values.homepage ? { homepage: values.homepage } : {}),
    };
    mutation.mutate(
      { slug, request },
      {
        onSuccess: ({ comment }) => {
          submission.current = null;
          resetField('comment', { defaultValue: '' });
          setHasText(false);
          onPosted(comment);
        },
        onError: (error) => handleFailure(error, attempt),
        onSettled: () => {
          sending.current = false;
        },
      },
    );
  }

  function handleFailure(error: unknown, attempt: number) {
    if (isApiError(error) && error.status === 400) {
      const onFields = Object.entries(error.fieldErrors).filter(([name]) => isFieldName(name));
      if (onFields.length > 0) {
        for (const [name, message] of onFields) setError(name as FieldName, { message });
        announceInvalid(fieldOrder.filter((name) => onFields.some(([field]) => field === name)));
        const first = fieldOrder.find((name) => onFields.some(([field]) => field === name));
        if (first) setFocus(first);
        return;
      }
    }
    if (isApiError(error) && error.status === 429) {
      const seconds = error.retryAfterSeconds ?? 15;
      const at = Date.now();
      setNotice({ kind: 'rate-limited', at, until: at + seconds * 1000, seconds });
      return;
    }
    const { message, canRetry } = postErrorMessage(error);
    if (!canRetry) {
      setNotice({ kind: 'refused', message });
      return;
    }
    const at = Date.now();
    setNotice({
      kind: 'failed',
      message,
      attempt,
      at,
      retryAt: attempt <= autoRetries ? at + retryDelayMs(attempt) : null,
    });
  }

  function announceInvalid(fields: FieldName[]) {
    const names = fields.map((name) => fieldLabels[name]).join(', ');
    setNotice({
      kind: 'invalid',
      message:
        fields.length === 1
          ? `Your comment wasn’t posted: check the ${names} field.`
          : `Your comment wasn’t posted: check these ${fields.length} fields: ${names}.`,
    });
  }

  function onInvalid(invalid: FieldErrors<keyof FormInput>) {
    setEchoErrors({});
    announceInvalid(fieldOrder.filter((name) => invalid[name]));
  }

  /** A labelled field with its error beside it; `control` gets the attributes that tie them. */
  function field(
    name: FieldName,
    control: (props: {
      id: string;
      required: boolean;
      'aria-invalid': true | undefined;
      'aria-describedby': string | undefined;
    }) => ReactNode,
    { required = true, alsoDescribedBy }: { required?: boolean; alsoDescribedBy?: string } = {},
  ) {
    const message = errors[name]?.message ?? echoErrors[name];
    const describedBy = [alsoDescribedBy, message ? ids.error(name) : undefined].filter(Boolean);
    return (
      <div className="comment-form__field">
        <label htmlFor={ids.field(name)}>
          {fieldLabels[name]}
          {required ? (
            <>
              {' '}
              <span className="required" aria-hidden="true">
                *
              </span>
            </>
          ) : null}
        </label>
        {control({
          id: ids.field(name),
          required,
          'aria-invalid': message ? true : undefined,
          'aria-describedby': describedBy.length > 0 ? describedBy.join(' ') : undefined,
        })}
        {message ? (
          <p id={ids.error(name)} className="comment-form__error">
            {message}
          </p>
        ) : null}
      </div>
    );
  }

  function renderNotice() {
    if (!notice) return null;
    switch (notice.kind) {
      case 'invalid':
      case 'refused':
        return <p>{notice.message}</p>;
      case 'rate-limited':
        return waitSeconds > 0 ? (
          <p>
            You are posting comments too quickly. Slow down.{' '}
            {/* Announced once; the visible countdown is not read out every second. */}
            <span className="visually-hidden">
              You can post again in {plural(notice.seconds, 'second')}.
            </span>
            <span aria-hidden="true">You can post again in {plural(waitSeconds, 'second')}.</span>
          </p>
        ) : (
          <p>You can post your comment now.</p>
        );
      case 'failed': {
        const retryIn =
          notice.retryAt === null ? null : Math.max(0, Math.ceil((notice.retryAt - now) / 1000));
        return (
          <>
            <p>{notice.message}</p>
            {retryIn !== null ? (
              <p className="comment-form__retrying">
                Retrying automatically (attempt {notice.attempt + 1} of {autoRetries + 1})
                <span aria-hidden="true"> in {plural(retryIn, 'second')}</span>…
              </p>
            ) : null}
            <button type="submit" className="button button--quiet">
              {retryIn !== null ? 'Try again now' : 'Try again'}
            </button>
          </>
        );
      }
    }
  }

  const submitLabel = pending?.paused
    ? 'Waiting to post…'
    : busy
      ? 'Posting…'
      : waitSeconds > 0
        ? `Post Comment (wait ${waitSeconds} s)`
        : 'Post Comment';

  return (
    <section className="comment-respond" aria-labelledby={ids.title}>
      <div className="comment-respond__header">
        <h3 id={ids.title} className="comment-respond__title">
          {replyTo ? (
            <>
              Leave a Reply to <span dir="auto">{replyTo.author}</span>
            </>
          ) : (
            'Leave a Reply'
          )}
        </h3>
        {replyTo ? (
          <button type="button" className="button button--quiet" onClick={onCancelReply}>
            Cancel reply
          </button>
        ) : null}
      </div>
      {/* A real form: without JavaScript (or before it has loaded) the browser posts it to the
          server, which answers with the comment's permalink, or this page with the errors. */}
      <form
        ref={formRef}
        className="comment-form"
        method="post"
        action={commentFormAction(slug)}
        noValidate
        onSubmit={(event) => void handleSubmit(onValid, onInvalid)(event)}
      >
        <input type="hidden" name="parentId" defaultValue={parentId ?? ''} />
        {/* Made per page by the server when it renders the form anew; the script sends its own. */}
        <input type="hidden" name="clientId" defaultValue={echo?.clientId ?? ''} />
        <p className="comment-form__notes">
          <span id={ids.notes}>Your email address will not be published.</span>{' '}
          <span>
            Required fields are marked <span className="required">*</span>
          </span>
        </p>

        {field('comment', (control) => (
          <textarea
            {...control}
            rows={7}
            dir="auto"
            defaultValue={echo?.values.comment}
            readOnly={pending !== undefined}
            {...register('comment', {
              // Every keystroke is kept, so a reload or a failed post never loses the text.
              onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
                commentDraft.save(slug, parentId, event.target.value);
                setHasText(event.target.value.trim() !== '');
              },
            })}
          />
        ))}
        {field('name', (control) => (
          <input
            {...control}
            type="text"
            autoComplete="name"
            dir="auto"
            defaultValue={echo?.values.name}
            {...register('name')}
          />
        ))}
        {field(
          'email',
          (control) => (
            <input
              {...control}
              type="email"
              autoComplete="email"
              spellCheck={false}
              defaultValue={echo?.values.email}
              {...register('email')}
            />
          ),
          { alsoDescribedBy: ids.notes },
        )}
        {field(
          'website',
          (control) => (
            <input
              {...control}
              type="url"
              autoComplete="url"
              spellCheck={false}
              defaultValue={echo?.values.website}
              {...register('website')}
            />
          ),
          { required: false },
        )}
        {/* Hidden from people (and assistive technology); bots fill it in. */}
        <div className="comment-form__hp" aria-hidden="true">
          <label htmlFor={`${id}-homepage`}>Leave this field empty</label>
          <input
            id={`${id}-homepage`}
            type="text"
            tabIndex={-1}
            autoComplete="off"
            {...register('homepage')}
          />
        </div>
        <div className="comment-form__consent">
          <input id={`${id}-save`} type="checkbox" {...register('saveDetails')} />
          <label htmlFor={`${id}-save`}>
            Save my name, email, and website in this browser for the next time I comment.
          </label>
        </div>

        {notice ? (
          <div className="comment-form__notice" role="alert">
            {renderNotice()}
          </div>
        ) : null}
        <div role="status" className="comment-form__status">
          {pending?.paused
            ? 'You’re offline — your comment will be posted when you’re back online.'
            : null}
        </div>

        <p className="comment-form__submit">
          <button
            type="submit"
            className="button"
            aria-disabled={busy || waitSeconds > 0 || undefined}
          >
            {submitLabel}
          </button>
        </p>
      </form>
    </section>
  );
}
