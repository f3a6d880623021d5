import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { formatDateTime } from '../../lib/format-date';
import { privacyRequestSchema, type PrivacyExport } from '../../contract/moderation';
import { moderationApi } from './moderation-api';
import { moderationQueries } from './moderation-queries';
import { useModerationStatus } from './moderation-status-context';
import { failureText } from './use-queue-actions';

/** Saves the export as a JSON file, made in the browser (nothing more is asked of the server). */
function download(data: PrivacyExport) {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `comments-${data.email.replace(/[^a-z0-9.@_-]+/gi, '_')}.json`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * A person's privacy request: find every comment posted with an email address, export them as
 * JSON, and erase them (anonymised placeholders, or deleted), with a confirmation first.
 */
export function ErasurePage() {
  const id = useId();
  const client = useQueryClient();
  const { announce } = useModerationStatus();
  const [email, setEmail] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const [mode, setMode] = useState<'anonymise' | 'delete'>('anonymise');
  const [confirming, setConfirming] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const results = useRef<HTMLHeadingElement>(null);
  const find = useMutation({ mutationFn: moderationApi.exportByEmail });
  const erase = useMutation({
    mutationFn: ({ email, mode }: { email: string; mode: 'anonymise' | 'delete' }) =>
      moderationApi.erase(email, mode),
    onSuccess: ({ erased }, { email }) => {
      setConfirming(false);
      find.reset();
      announce(
        `${erased} comment${erased === 1 ? '' : 's'} by ${email} ${erased === 1 ? 'was' : 'were'} erased.`,
      );
      return Promise.all([
        client.invalidateQueries({ queryKey: moderationQueries.queues() }),
        client.invalidateQueries({ queryKey: moderationQueries.audits() }),
      ]);
    },
  });
  const found = find.data;
  useEffect(() => {
    if (found) results.current?.focus();
  }, [found]);

  return (
    <>
      <p className="moderation__intro">
        When someone asks for their data, or for it to be removed: find their comments by the email
        address they used, download a copy for them, then erase it. Each step is in the audit log.
      </p>
      <form
        className="moderation-form erasure-form"
        role="search"
        aria-label="Find comments by email"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const parsed = privacyRequestSchema.safeParse({ email });
          if (!parsed.success) {
            setInvalid(parsed.error.issues[0]?.message ?? 'Enter an email address.');
            input.current?.focus();
            return;
          }
          setInvalid(null);
          setConfirming(false);
          erase.reset();
          find.mutate(parsed.data.email);
        }}
      >
        <div className="moderation-form__field">
          <label htmlFor={`${id}-email`}>Email address</label>
          <input
            ref={input}
            id={`${id}-email`}
            type="email"
            spellCheck={false}
            value={email}
            aria-invalid={invalid ? true : undefined}
            aria-describedby={invalid ? `${id}-email-error` : undefined}
            onChange={(event) => setEmail(event.target.value)}
          />
          {invalid ? (
            <p id={`${id}-email-error`} className="moderation-form__error">
              {invalid}
            </p>
          ) : null}
        </div>
        <p>
          <button type="submit" className="button" aria-disabled={find.isPending || undefined}>
            {find.isPending ? 'Finding…' : 'Find comments'}
          </button>
        </p>
      </form>
      {find.isError ? (
        <p className="moderation-form__alert" role="alert">
          {failureText(find.error)}
        </p>
      ) : null}
      {found ? (
        <section className="erasure-results" aria-labelledby={`${id}-results`}>
          <h2 id={`${id}-results`} ref={results} tabIndex={-1}>
            {found.comments.length} comment{found.comments.length === 1 ? '' : 's'} by {found.email}
          </h2>
          {found.comments.length > 0 ? (
            <>
              <ul className="erasure-results__list">
                {found.comments.map((comment) => (
                  <li key={comment.id}>
                    {comment.status} on {comment.article.title},{' '}
                    <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt)}</time>: “
                    {comment.content.length > 80
                      ? `${comment.content.slice(0, 80)}…`
                      : comment.content}
                    ”
                  </li>
                ))}
              </ul>
              <p>
                <button
                  type="button"
                  className="button button--quiet"
                  onClick={() => download(found)}
                >
                  Download as JSON
                </button>
              </p>
              <fieldset className="erasure-mode">
                <legend>How to erase</legend>
                <div className="moderation-form__check">
                  <input
                    id={`${id}-anonymise`}
                    type="radio"
                    name={`${id}-mode`}
                    checked={mode === 'anonymise'}
                    onChange={() => setMode('anonymise')}
                  />
                  <label htmlFor={`${id}-anonymise`}>
                    Anonymise: keep placeholders so replies still make sense; name, email, website,
                    IP and text are removed
                  </label>
                </div>
                <div className="moderation-form__check">
                  <input
                    id={`${id}-delete`}
                    type="radio"
                    name={`${id}-mode`}
                    checked={mode === 'delete'}
                    onChange={() => setMode('delete')}
                  />
                  <label htmlFor={`${id}-delete`}>Delete the comments</label>
                </div>
              </fieldset>
              {confirming ? (
                <EraseConfirm
                  what={`${found.comments.length} comment${found.comments.length === 1 ? '' : 's'} by ${found.email}`}
                  pending={erase.isPending}
                  onCancel={() => setConfirming(false)}
                  onConfirm={() => erase.mutate({ email: found.email, mode })}
                />
              ) : (
                <p>
                  <button type="button" className="button" onClick={() => setConfirming(true)}>
                    Erase this person’s data
                  </button>
                </p>
              )}
              {erase.isError ? (
                <p className="moderation-form__alert" role="alert">
                  Nothing was erased. {failureText(erase.error)}
                </p>
              ) : null}
            </>
          ) : (
            <p>No comments were posted with this address.</p>
          )}
        </section>
      ) : null}
    </>
  );
}

function EraseConfirm({
  what,
  pending,
  onConfirm,
  onCancel,
}: {
  what: string;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const id = useId();
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div className="queue-confirm" role="group" aria-labelledby={`${id}-question`}>
      <p id={`${id}-question`}>Erase {what}? This cannot be undone.</p>
      <button
        type="button"
        className="button"
        aria-disabled={pending || undefined}
        onClick={() => !pending && onConfirm()}
      >
        {pending ? 'Erasing…' : 'Yes, erase'}
      </button>
      <button ref={cancel} type="button" className="button button--quiet" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
