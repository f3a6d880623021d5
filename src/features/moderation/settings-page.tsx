import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, type ReactNode } from 'react';
import { useForm, type UseFormRegisterReturn } from 'react-hook-form';
import { ErrorState } from '../../components/error-state';
import { isApiError } from '../../lib/api-error';
import type { ModerationSettings } from '../../contract/moderation';
import { z } from '../../contract/zod-mini';
import { moderationApi } from './moderation-api';
import { moderationQueries } from './moderation-queries';
import { useModerationStatus } from './moderation-status-context';
import { failureText } from './use-queue-actions';

const whole = (label: string, min: number, max: number, unit = '') => {
  const message = `${label}: enter a whole number from ${min} to ${max}${unit}.`;
  return z.int({ error: message }).check(z.gte(min, message), z.lte(max, message));
};

/** The settings as the form holds them; the server's schema has the same fields and limits. */
const formSchema = z.object({
  maxLinks: whole('Links', 0, 100),
  moderationWords: z
    .string()
    .check(z.maxLength(65535, 'Moderation words: at most 64 KB of words.')),
  disallowedWords: z
    .string()
    .check(z.maxLength(65535, 'Disallowed words: at most 64 KB of words.')),
  holdFirstComment: z.boolean(),
  closeAfterDays: whole('Close after', 0, 36500, ' days'),
  closedArticles: z.array(z.string()),
  floodSeconds: whole('Flood interval', 0, 3600, ' seconds'),
  editWindowMinutes: whole('Edit window', 0, 1440, ' minutes'),
  pageSize: whole('Page size', 1, 100),
});
type FormValues = z.infer<typeof formSchema>;
type FieldName = keyof FormValues;

const fieldNames = Object.keys(formSchema.shape) as FieldName[];
const isFieldName = (name: string): name is FieldName => (fieldNames as string[]).includes(name);

function SettingsForm({ settings }: { settings: ModerationSettings }) {
  const id = useId();
  const client = useQueryClient();
  const { announce } = useModerationStatus();
  const articles = useQuery(moderationQueries.articles());
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    reset,
    formState: { errors, isDirty },
  } = useForm<FormValues>({
    resolver: zodResolver(formSchema),
    defaultValues: settings,
    shouldFocusError: true,
  });
  const save = useMutation({
    mutationFn: moderationApi.saveSettings,
    onSuccess: (saved) => {
      client.setQueryData(moderationQueries.settings().queryKey, saved);
      reset(saved);
      announce('The settings were saved.');
      return client.invalidateQueries({ queryKey: moderationQueries.audits() });
    },
    onError: (error) => {
      if (isApiError(error) && error.status === 400) {
        const named = Object.entries(error.fieldErrors).flatMap(([name, message]) =>
          isFieldName(name) ? [[name, message] as const] : [],
        );
        for (const [name, message] of named) setError(name, { message });
        const first = named[0]?.[0];
        if (first) setFocus(first);
        if (named.length > 0) {
          announce(
            `The settings were not saved: check ${named.length === 1 ? 'one field' : `${named.length} fields`}.`,
          );
          return;
        }
      }
      announce(`The settings were not saved. ${failureText(error)}`);
    },
  });

  function field(
    name: FieldName,
    label: string,
    hint: string | null,
    control: (props: {
      id: string;
      'aria-invalid': true | undefined;
      'aria-describedby': string | undefined;
    }) => ReactNode,
  ) {
    const message = errors[name]?.message;
    const describedBy = [hint ? `${id}-${name}-hint` : null, message ? `${id}-${name}-error` : null]
      .filter(Boolean)
      .join(' ');
    return (
      <div className="moderation-form__field">
        <label htmlFor={`${id}-${name}`}>{label}</label>
        {control({
          id: `${id}-${name}`,
          'aria-invalid': message ? true : undefined,
          'aria-describedby': describedBy || undefined,
        })}
        {hint ? (
          <p id={`${id}-${name}-hint`} className="moderation-form__hint">
            {hint}
          </p>
        ) : null}
        {message ? (
          <p id={`${id}-${name}-error`} className="moderation-form__error">
            {message}
          </p>
        ) : null}
      </div>
    );
  }

  const number = (registered: UseFormRegisterReturn) => (props: object) => (
    <input
      {...props}
      type="number"
      inputMode="numeric"
      className="moderation-form__number"
      {...registered}
    />
  );

  return (
    <form
      className="moderation-form settings-form"
      noValidate
      onSubmit={(event) =>
        void handleSubmit(
          (values) => save.mutate(values),
          (invalid) => {
            const count = Object.keys(invalid).length;
            announce(
              `The settings were not saved: check ${count === 1 ? 'one field' : `${count} fields`}.`,
            );
          },
        )(event)
      }
    >
      <fieldset>
        <legend>Holding comments for moderation</legend>
        {field(
          'maxLinks',
          'Hold a comment with at least this many links',
          '0 never holds for links. WordPress’s default is 2.',
          number(register('maxLinks', { valueAsNumber: true })),
        )}
        {field(
          'moderationWords',
          'Moderation words',
          'One word or phrase per line. A comment with one in its text, name, email, website or IP address is held.',
          (props) => (
            <textarea {...props} rows={5} spellCheck={false} {...register('moderationWords')} />
          ),
        )}
        {field(
          'disallowedWords',
          'Disallowed words',
          'One per line, matched the same way. Such a comment goes to spam.',
          (props) => (
            <textarea {...props} rows={5} spellCheck={false} {...register('disallowedWords')} />
          ),
        )}
        <div className="moderation-form__check">
          <input id={`${id}-holdFirstComment`} type="checkbox" {...register('holdFirstComment')} />
          <label htmlFor={`${id}-holdFirstComment`}>
            Hold a comment unless its author has one approved already
          </label>
        </div>
      </fieldset>
      <fieldset>
        <legend>Closing comments</legend>
        {field(
          'closeAfterDays',
          'Close comments on articles older than (days)',
          '0 keeps them open.',
          number(register('closeAfterDays', { valueAsNumber: true })),
        )}
        <fieldset className="settings-form__articles">
          <legend>Closed articles</legend>
          {articles.data ? (
            articles.data.articles.map((article) => (
              <div key={article.slug} className="moderation-form__check">
                <input
                  id={`${id}-closed-${article.slug}`}
                  type="checkbox"
                  value={article.slug}
                  {...register('closedArticles')}
                />
                <label htmlFor={`${id}-closed-${article.slug}`}>{article.headline}</label>
              </div>
            ))
          ) : (
            <p className="moderation-form__hint">Loading the articles…</p>
          )}
        </fieldset>
      </fieldset>
      <fieldset>
        <legend>Limits</legend>
        {field(
          'floodSeconds',
          'Flood interval (seconds)',
          'Time between two comments from one email address; 0 turns the guard off.',
          number(register('floodSeconds', { valueAsNumber: true })),
        )}
        {field(
          'editWindowMinutes',
          'Edit window (minutes)',
          'How long authors may change or delete their comment.',
          number(register('editWindowMinutes', { valueAsNumber: true })),
        )}
        {field(
          'pageSize',
          'Threads per page',
          'How many top-level comments readers see per page (1 to 100).',
          number(register('pageSize', { valueAsNumber: true })),
        )}
      </fieldset>
      <p>
        <button type="submit" className="button" aria-disabled={save.isPending || undefined}>
          {save.isPending ? 'Saving…' : 'Save settings'}
        </button>
        {isDirty ? <span className="settings-form__unsaved"> Unsaved changes</span> : null}
      </p>
    </form>
  );
}

export function SettingsPage() {
  const settings = useQuery(moderationQueries.settings());
  if (settings.isPending) {
    return (
      <p role="status" className="moderation-loading">
        Loading the settings…
      </p>
    );
  }
  if (settings.isError) {
    return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  }
  return <SettingsForm settings={settings.data} />;
}
