import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { useForm, type FieldPath } from 'react-hook-form';
import { z } from '../../lib/zod';
import { isApiError } from '../../lib/api-error';
import { commentDraft } from './comment-draft';
import { commentFieldsSchema, type Comment } from './comment-schemas';
import { postErrorMessage } from './post-error-message';
import { savedDetails } from './saved-details';
import { usePostComment } from './use-post-comment';

const formSchema = commentFieldsSchema.extend({ saveDetails: z.boolean(), homepage: z.string() });
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

function isFieldName(name: string): name is FieldName {
  return name in fieldLabels;
}

function initialValues(slug: string, parentId: string | null): FormInput {
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

export interface CommentFormProps {
  slug: string;
  replyTo: { id: string; author: string } | null;
  onCancelReply: () => void;
  onPosted: (comment: Comment) => void;
}

export function CommentForm({ slug, replyTo, onCancelReply, onPosted }: CommentFormProps) {
  const parentId = replyTo?.id ?? null;
  const id = useId();
  const ids = {
    title: `${id}-title`,
    notes: `${id}-email-notes`,
    required: `${id}-required`,
    field: (name: FieldName) => `${id}-${name}`,
    error: (name: FieldName) => `${id}-${name}-error`,
  };
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    resetField,
    formState: { errors },
  } = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(formSchema),
    defaultValues: initialValues(slug, parentId),
    shouldFocusError: true,
  });
  const mutation = usePostComment(slug);
  // One message for the whole form: why it was not posted, and whether retrying can help.
  const [notice, setNotice] = useState<{ message: string; canRetry: boolean } | null>(null);
  // One id per comment: resending the same words reuses it, so the server can spot a repeat.
  const submission = useRef<{ clientId: string; fingerprint: string } | null>(null);
  const sending = useRef(false);

  useEffect(() => {
    if (replyTo) setFocus('comment');
  }, [replyTo, setFocus]);

  function onValid(values: FormOutput) {
    if (sending.current) return;
    sending.current = true;
    setNotice(null);
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
    const request = {
      comment: values.comment,
      name: values.name,
      email: values.email,
      website: values.website,
      parentId,
      clientId: submission.current.clientId,
      ...(values.homepage ? { homepage: values.homepage } : {}),
    };
    mutation.mutate(request, {
      onSuccess: ({ comment }) => {
        submission.current = null;
        commentDraft.clear(slug, parentId);
        resetField('comment', { defaultValue: '' });
        if (values.saveDetails) {
          savedDetails.save({ name: values.name, email: values.email, website: values.website });
        } else {
          savedDetails.forget();
        }
        onPosted(comment);
      },
      onError: (error) => {
        const fieldErrors = isApiError(error) ? Object.entries(error.fieldErrors) : [];
        const onFields = fieldErrors.filter(([name]) => isFieldName(name));
        if (isApiError(error) && error.status === 400 && onFields.length > 0) {
          for (const [name, message] of onFields)
            setError(name as FieldPath<FormInput>, { message });
          announceInvalid(onFields.map(([name]) => name as FieldName));
          const first = fieldOrder.find((name) => onFields.some(([field]) => field === name));
          if (first) setFocus(first);
          return;
        }
        setNotice(postErrorMessage(error));
      },
      onSettled: () => {
        sending.current = false;
      },
    });
  }

  function announceInvalid(fields: FieldName[]) {
    const names = fields.map((name) => fieldLabels[name]).join(', ');
    setNotice({
      message:
        fields.length === 1
          ? `Your comment wasn’t posted: check the ${names} field.`
          : `Your comment wasn’t posted: check these ${fields.length} fields: ${names}.`,
      canRetry: false,
    });
  }

  function onInvalid(invalid: Partial<Record<string, unknown>>) {
    announceInvalid(fieldOrder.filter((name) => invalid[name]));
  }

  function describedBy(name: FieldName, ...extra: string[]) {
    return [...extra, errors[name] ? ids.error(name) : null].filter(Boolean).join(' ') || undefined;
  }

  function fieldError(name: FieldName) {
    const message = errors[name]?.message;
    return message ? (
      <p id={ids.error(name)} className="comment-form__error">
        {message}
      </p>
    ) : null;
  }

  const pending = mutation.isPending;

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
      <form
        className="comment-form"
        noValidate
        onSubmit={(event) => void handleSubmit(onValid, onInvalid)(event)}
      >
        <p className="comment-form__notes">
          <span id={ids.notes}>Your email address will not be published.</span>{' '}
          <span id={ids.required}>
            Required fields are marked <span className="required">*</span>
          </span>
        </p>

        <div className="comment-form__field">
          <label htmlFor={ids.field('comment')}>
            Comment{' '}
            <span className="required" aria-hidden="true">
              *
            </span>
          </label>
          <textarea
            id={ids.field('comment')}
            rows={7}
            required
            dir="auto"
            aria-invalid={errors.comment ? true : undefined}
            aria-describedby={describedBy('comment')}
            {...register('comment', {
              // Every keystroke is kept, so a reload or a failed post never loses the text.
              onChange: (event: ChangeEvent<HTMLTextAreaElement>) =>
                commentDraft.save(slug, parentId, event.target.value),
            })}
          />
          {fieldError('comment')}
        </div>
        <div className="comment-form__field">
          <label htmlFor={ids.field('name')}>
            Name{' '}
            <span className="required" aria-hidden="true">
              *
            </span>
          </label>
          <input
            id={ids.field('name')}
            type="text"
            autoComplete="name"
            required
            dir="auto"
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={describedBy('name')}
            {...register('name')}
          />
          {fieldError('name')}
        </div>
        <div className="comment-form__field">
          <label htmlFor={ids.field('email')}>
            Email{' '}
            <span className="required" aria-hidden="true">
              *
            </span>
          </label>
          <input
            id={ids.field('email')}
            type="email"
            autoComplete="email"
            spellCheck={false}
            required
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={describedBy('email', ids.notes)}
            {...register('email')}
          />
          {fieldError('email')}
        </div>
        <div className="comment-form__field">
          <label htmlFor={ids.field('website')}>Website</label>
          <input
            id={ids.field('website')}
            type="url"
            autoComplete="url"
            spellCheck={false}
            aria-invalid={errors.website ? true : undefined}
            aria-describedby={describedBy('website')}
            {...register('website')}
          />
          {fieldError('website')}
        </div>
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
            <p>{notice.message}</p>
            {notice.canRetry ? (
              <button type="submit" className="button button--quiet">
                Try again
              </button>
            ) : null}
          </div>
        ) : null}

        <p className="comment-form__submit">
          <button type="submit" className="button" aria-disabled={pending || undefined}>
            {pending ? 'Posting…' : 'Post Comment'}
          </button>
        </p>
      </form>
    </section>
  );
}
