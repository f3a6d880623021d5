import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { ErrorState } from '../../components/error-state';
import { isApiError } from '../../lib/api-error';
import { useHistory } from '../../lib/router/router-context';
import {
  articleInputSchema,
  type AdminArticle,
  type ArticleInput,
} from '../../contract/admin-articles';
import { ArticleBody } from '../article/article-body';
import { articleAdminApi } from './article-admin-api';
import { statusText } from './article-status';
import { moderationQueries } from './moderation-queries';
import { useModerationStatus } from './moderation-status-context';
import { failureText } from './use-queue-actions';

type Field = keyof ArticleInput | 'publishAt';
type Errors = Partial<Record<Field, string>>;
const fieldOrder: Field[] = ['title', 'description', 'slug', 'markdown', 'publishAt'];
const isField = (name: string): name is Field => (fieldOrder as string[]).includes(name);

/** The Markdown, once the editor pauses typing: one preview request per pause. */
function usePaused(value: string, ms = 400) {
  const [paused, setPaused] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setPaused(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return paused;
}

function Preview({ markdown }: { markdown: string }) {
  const paused = usePaused(markdown);
  const preview = useQuery({
    ...moderationQueries.articlePreview(paused),
    enabled: paused.trim() !== '',
  });
  return (
    <section className="article-editor__preview" aria-labelledby="article-preview-heading">
      <h2 id="article-preview-heading">Preview</h2>
      {paused.trim() === '' ? (
        <p className="moderation-form__hint">The text appears here as readers will see it.</p>
      ) : preview.isError ? (
        <p role="alert">The preview failed: {failureText(preview.error)}</p>
      ) : preview.data ? (
        <div className="article-editor__body">
          <ArticleBody blocks={preview.data.body} />
        </div>
      ) : (
        <p role="status">Making the preview…</p>
      )}
    </section>
  );
}

/** A local date-time input's value (no zone) as an ISO time, or null. */
function isoFromLocal(value: string): string | null {
  const date = new Date(value);
  return value && !Number.isNaN(date.getTime()) ? date.toISOString() : null;
}

function EditorForm({ article }: { article: AdminArticle | null }) {
  const id = useId();
  const history = useHistory();
  const client = useQueryClient();
  const { announce } = useModerationStatus();
  const [values, setValues] = useState<ArticleInput>({
    title: article?.title ?? '',
    description: article?.description ?? '',
    slug: article?.slug ?? '',
    markdown: article?.markdown ?? '',
  });
  const [publishAt, setPublishAt] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const refs = useRef<Partial<Record<Field, HTMLInputElement | HTMLTextAreaElement | null>>>({});

  function showErrors(found: Errors, what: string) {
    setErrors(found);
    const first = fieldOrder.find((f) => found[f]);
    if (first) refs.current[first]?.focus();
    const n = Object.keys(found).length;
    announce(`${what}: check ${n === 1 ? 'one field' : `${n} fields`}.`);
  }

  const run = useMutation({
    mutationFn: async (action: 'save' | 'publish' | 'schedule' | 'unpublish') => {
      let saved = article;
      if (action !== 'unpublish') {
        saved = article
          ? await articleAdminApi.update(article.id, values)
          : await articleAdminApi.create(values);
      }
      if (!saved) throw new Error('Nothing to unpublish.');
      if (action === 'publish') return articleAdminApi.publish(saved.id);
      if (action === 'schedule')
        return articleAdminApi.publish(saved.id, isoFromLocal(publishAt) ?? undefined);
      if (action === 'unpublish') return articleAdminApi.unpublish(saved.id);
      return saved;
    },
    onSuccess: async (saved, action) => {
      setErrors({});
      client.setQueryData(moderationQueries.adminArticle(saved.id).queryKey, saved);
      const said = {
        save: 'The article was saved.',
        publish: 'The article is published.',
        schedule: `The article is scheduled for ${new Date(saved.publishedAt).toLocaleString()}.`,
        unpublish: 'The article is unpublished: readers no longer see it.',
      }[action];
      announce(said);
      if (!article) history.push(`/moderate/articles/${saved.id}`);
      await client.invalidateQueries({ queryKey: moderationQueries.adminArticles() });
      await client.invalidateQueries({ queryKey: moderationQueries.audits() });
    },
    onError: (error) => {
      if (isApiError(error) && (error.status === 400 || error.status === 409)) {
        const found: Errors = {};
        for (const [name, message] of Object.entries(error.fieldErrors)) {
          if (isField(name)) found[name] = message;
        }
        if (Object.keys(found).length > 0) return showErrors(found, 'The article was not saved');
      }
      announce(`The article was not saved. ${failureText(error)}`);
    },
  });

  function submit(action: 'save' | 'publish' | 'schedule' | 'unpublish') {
    if (run.isPending) return;
    if (action !== 'unpublish') {
      const checked = articleInputSchema.safeParse(values);
      const found: Errors = {};
      if (!checked.success) {
        for (const issue of checked.error.issues) {
          const name = String(issue.path[0] ?? '');
          if (isField(name) && !found[name]) found[name] = issue.message;
        }
      }
      if (action === 'schedule') {
        const at = isoFromLocal(publishAt);
        if (!at || new Date(at).getTime() <= Date.now()) {
          found.publishAt = 'Choose a time in the future to schedule it, or publish it now.';
        }
      }
      if (Object.keys(found).length > 0) return showErrors(found, 'The article was not saved');
    }
    run.mutate(action);
  }

  function field(
    name: Field,
    label: string,
    hint: string | null,
    control: (props: {
      id: string;
      'aria-invalid': true | undefined;
      'aria-describedby': string | undefined;
    }) => ReactNode,
  ) {
    const message = errors[name];
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

  const text = (name: keyof ArticleInput) => ({
    ref: (element: HTMLInputElement | HTMLTextAreaElement | null) => {
      refs.current[name] = element;
    },
    value: values[name],
    onChange: (event: { target: { value: string } }) =>
      setValues((v) => ({ ...v, [name]: event.target.value })),
  });

  return (
    <div className="article-editor">
      {article ? (
        <p className="article-editor__status">
          Status: <strong>{statusText[article.status]}</strong>
          {article.status !== 'draft' ? ` (${new Date(article.publishedAt).toLocaleString()})` : ''}
          {article.status === 'published' ? (
            <>
              {' · '}
              <a href={`/articles/${article.slug}`}>See it as readers do</a>
            </>
          ) : null}
        </p>
      ) : null}
      <form
        className="moderation-form article-editor__form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit('save');
        }}
      >
        {field('title', 'Title', null, (props) => (
          <input type="text" {...props} {...text('title')} />
        ))}
        {field('description', 'Description', 'On the front page and in the feed.', (props) => (
          <textarea rows={2} {...props} {...text('description')} />
        ))}
        {field(
          'slug',
          'Slug',
          'The address: /articles/your-slug, lower-case words joined by hyphens.',
          (props) => (
            <input type="text" spellCheck={false} {...props} {...text('slug')} />
          ),
        )}
        {field(
          'markdown',
          'Text (Markdown)',
          'Paragraphs, ## headings, *emphasis*, [links](https://…), > quotes, lists. A picture: ![Alt text](https://… "Caption | Credit").',
          (props) => (
            <textarea
              rows={16}
              className="article-editor__markdown"
              {...props}
              {...text('markdown')}
            />
          ),
        )}
        <div className="article-editor__actions">
          <button type="submit" className="button" aria-disabled={run.isPending || undefined}>
            {article ? 'Save' : 'Save as draft'}
          </button>
          <button
            type="button"
            className="button"
            aria-disabled={run.isPending || undefined}
            onClick={() => submit('publish')}
          >
            {article?.status === 'published' ? 'Save and keep published' : 'Publish now'}
          </button>
          {article && article.status !== 'draft' ? (
            <button
              type="button"
              className="button button--quiet"
              aria-disabled={run.isPending || undefined}
              onClick={() => submit('unpublish')}
            >
              Unpublish
            </button>
          ) : null}
        </div>
        <fieldset>
          <legend>Publish later</legend>
          {field('publishAt', 'Publication time', 'Your local time.', (props) => (
            <input
              type="datetime-local"
              {...props}
              ref={(element) => {
                refs.current.publishAt = element;
              }}
              value={publishAt}
              onChange={(event) => setPublishAt(event.target.value)}
            />
          ))}
          <button
            type="button"
            className="button"
            aria-disabled={run.isPending || undefined}
            onClick={() => submit('schedule')}
          >
            Schedule
          </button>
        </fieldset>
      </form>
      <Preview markdown={values.markdown} />
    </div>
  );
}

/** /moderate/articles/new and /moderate/articles/:id: the editor, with a live preview. */
export function ArticleEditorPage({ id }: { id: string | null }) {
  const found = useQuery({ ...moderationQueries.adminArticle(id ?? ''), enabled: id !== null });
  if (id === null) return <EditorForm article={null} />;
  if (found.isPending) return <p role="status">Loading the article…</p>;
  if (found.isError) return <ErrorState error={found.error} onRetry={() => void found.refetch()} />;
  return <EditorForm key={found.data.id} article={found.data} />;
}
