import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { isApiError } from '../../lib/api-error';
import { describeError } from '../../lib/error-message';
import { moderatorHint } from '../../lib/moderator-hint';
import { useDocumentTitle } from '../../lib/use-document-title';
import { sessionLifetimes, signInRequestSchema } from '../../contract/moderation';
import type { z } from '../../contract/zod-mini';
import { moderationApi } from './moderation-api';
import { moderationQueries } from './moderation-queries';

type FormInput = z.input<typeof signInRequestSchema>;
type FormOutput = z.output<typeof signInRequestSchema>;

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/** "in 5 minutes", "in 40 seconds": how long a lockout has left, said once. */
function waitFor(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

function failureMessage(error: unknown): string {
  if (isApiError(error) && error.status === 429) {
    const seconds = Math.max(1, Math.ceil(error.retryAfterSeconds ?? 60));
    const at = timeFormat.format(new Date(Date.now() + seconds * 1000));
    return `Too many failed sign-ins. Sign-in is locked until ${at} (in ${waitFor(seconds)}).`;
  }
  if (isApiError(error) && error.kind === 'http' && error.status < 500) return error.message;
  const { title, detail } = describeError(error);
  return `${title}. ${detail}`;
}

/** Email and password; a refusal never says whether the account exists (the server's words). */
export function SignInPage() {
  useDocumentTitle('Sign in to moderate');
  const id = useId();
  const client = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    resetField,
    formState: { errors },
  } = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(signInRequestSchema),
    defaultValues: { email: '', password: '' },
    shouldFocusError: true,
  });
  const signIn = useMutation({ mutationFn: moderationApi.signIn });

  // Arriving here (a session that ended, a fresh visit): the page's heading, so a screen reader
  // says where the moderator is.
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (failure) alertRef.current?.focus();
  }, [failure]);

  function onValid(values: FormOutput) {
    if (signIn.isPending) return;
    setFailure(null);
    signIn.mutate(values, {
      onSuccess: (session) => {
        moderatorHint.set();
        client.setQueryData(moderationQueries.session().queryKey, session);
      },
      onError: (error) => {
        resetField('password');
        setFailure(failureMessage(error));
      },
    });
  }

  const fieldError = (name: keyof FormInput) => errors[name]?.message;
  return (
    <section className="moderation-sign-in" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`} ref={heading} tabIndex={-1}>
        Sign in to moderate
      </h1>
      <p className="moderation-sign-in__lede">
        For the site’s moderators: review held comments, publish or remove comments, and set the
        rules. Readers do not need an account.
      </p>
      <form
        className="moderation-form"
        noValidate
        onSubmit={(event) => void handleSubmit(onValid)(event)}
        aria-describedby={failure ? `${id}-failure` : undefined}
      >
        {failure ? (
          <div
            id={`${id}-failure`}
            ref={alertRef}
            className="moderation-form__alert"
            role="alert"
            tabIndex={-1}
          >
            {failure}
          </div>
        ) : null}
        <div className="moderation-form__field">
          <label htmlFor={`${id}-email`}>Email</label>
          <input
            id={`${id}-email`}
            type="email"
            autoComplete="username"
            spellCheck={false}
            required
            aria-invalid={fieldError('email') ? true : undefined}
            aria-describedby={fieldError('email') ? `${id}-email-error` : undefined}
            {...register('email')}
          />
          {fieldError('email') ? (
            <p id={`${id}-email-error`} className="moderation-form__error">
              {fieldError('email')}
            </p>
          ) : null}
        </div>
        <div className="moderation-form__field">
          <label htmlFor={`${id}-password`}>Password</label>
          <input
            id={`${id}-password`}
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={fieldError('password') ? true : undefined}
            aria-describedby={fieldError('password') ? `${id}-password-error` : undefined}
            {...register('password')}
          />
          {fieldError('password') ? (
            <p id={`${id}-password-error`} className="moderation-form__error">
              {fieldError('password')}
            </p>
          ) : null}
        </div>
        <p>
          <button type="submit" className="button" aria-disabled={signIn.isPending || undefined}>
            {signIn.isPending ? 'Signing in…' : 'Sign in'}
          </button>
        </p>
        <p role="status" className="visually-hidden">
          {signIn.isPending ? 'Signing in…' : ''}
        </p>
      </form>
      <p className="moderation-sign-in__note">
        Sessions end after {sessionLifetimes.idleMinutes} minutes without activity, and{' '}
        {sessionLifetimes.absoluteHours} hours after signing in.
      </p>
      {import.meta.env.VITE_API_MOCKING === 'on' ? (
        <p className="moderation-sign-in__note">
          Running against the mock API: the development account is on the Mock API panel.
        </p>
      ) : null}
    </section>
  );
}
