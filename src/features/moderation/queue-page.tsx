import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { ErrorState } from '../../components/error-state';
import { Link } from '../../lib/router/link';
import { useHistory, useLocation } from '../../lib/router/router-context';
import {
  queueTabs,
  type BulkAction,
  type QueueItem,
  type QueueTab,
} from '../../contract/moderation';
import { moderationQueries, type QueueFilter } from './moderation-queries';
import { useModerationStatus } from './moderation-status-context';
import { ConfirmDelete, QueueItemView } from './queue-item';
import { queueHref, queueItemElementId, readFilter } from './queue-filter';
import { actionLabels, tabActions, useQueueAction } from './use-queue-actions';

const tabLabels: Record<QueueTab, string> = {
  pending: 'Pending',
  approved: 'Approved',
  spam: 'Spam',
  trash: 'Trash',
};

const shortcutActions: Record<string, BulkAction> = { a: 'approve', s: 'spam', t: 'trash' };

/** Where a letter is typed text, not a shortcut: text fields (checkboxes and buttons are not). */
const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable ||
    /^(TEXTAREA|SELECT)$/.test(target.tagName) ||
    (target instanceof HTMLInputElement && !/^(checkbox|radio|button|submit)$/.test(target.type)));

function FilterForm({ filter }: { filter: QueueFilter }) {
  const id = useId();
  const history = useHistory();
  const articles = useQuery(moderationQueries.articles());
  const [q, setQ] = useState(filter.q);
  const [article, setArticle] = useState(filter.article ?? '');
  return (
    <form
      className="queue-filter"
      role="search"
      aria-label="Filter the comments"
      onSubmit={(event) => {
        event.preventDefault();
        history.push(queueHref({ status: filter.status, article, q: q.trim() }));
      }}
    >
      <div className="moderation-form__field">
        <label htmlFor={`${id}-article`}>Article</label>
        <select
          id={`${id}-article`}
          value={article}
          onChange={(event) => {
            setArticle(event.target.value);
            history.push(queueHref({ status: filter.status, article: event.target.value, q }));
          }}
        >
          <option value="">All articles</option>
          {articles.data?.articles.map((a) => (
            <option key={a.slug} value={a.slug}>
              {a.headline}
            </option>
          ))}
        </select>
      </div>
      <div className="moderation-form__field">
        <label htmlFor={`${id}-q`}>Search</label>
        <input
          id={`${id}-q`}
          type="search"
          value={q}
          aria-describedby={`${id}-q-hint`}
          onChange={(event) => setQ(event.target.value)}
        />
        <p id={`${id}-q-hint`} className="moderation-form__hint">
          Text, name or email
        </p>
      </div>
      <p className="queue-filter__submit">
        <button type="submit" className="button button--quiet">
          Search
        </button>
      </p>
    </form>
  );
}

function Tabs({
  filter,
  counts,
}: {
  filter: QueueFilter;
  counts: Record<QueueTab, number> | null;
}) {
  return (
    <nav className="queue-tabs" aria-label="Comment status">
      <ul>
        {queueTabs.map((tab) => (
          <li key={tab}>
            <Link
              to={queueHref({ ...filter, status: tab, page: 1 })}
              aria-current={tab === filter.status ? 'page' : undefined}
            >
              {tabLabels[tab]}{' '}
              <span className="queue-tabs__count">{counts ? `(${counts[tab]})` : ''}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function QueueList({ filter }: { filter: QueueFilter }) {
  const id = useId();
  const queue = useQuery(moderationQueries.queue(filter));
  const act = useQueueAction(filter);
  const { undoLast } = useModerationStatus();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const list = useRef<HTMLOListElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const items = queue.data?.items ?? [];
  const actions = tabActions[filter.status];
  const chosen = items.filter((item) => selected.has(item.id));

  function run(action: BulkAction, targets: readonly QueueItem[]) {
    if (targets.length === 0) return;
    const gone = new Set(targets.map((item) => item.id));
    // Focus goes on to the comment after the last one acted on (or before it, at the end).
    const lastIndex = Math.max(...targets.map((t) => items.indexOf(t)));
    const next =
      items.slice(lastIndex + 1).find((item) => !gone.has(item.id)) ??
      items
        .slice(0, lastIndex)
        .reverse()
        .find((item) => !gone.has(item.id));
    setSelected((current) => new Set([...current].filter((x) => !gone.has(x))));
    setConfirming(false);
    act.mutate({ action, items: targets });
    requestAnimationFrame(() => {
      const target = next ? document.getElementById(queueItemElementId(next.id)) : heading.current;
      target?.focus();
    });
  }

  // J/K move between comments, X selects, A/S/T act, U undoes: when focus is on a comment, not
  // in a field or on a button (where the letters would mean something else).
  const latest = useRef({ items, actions, run, undoLast });
  useEffect(() => {
    latest.current = { items, actions, run, undoLast };
  });
  useEffect(() => {
    const element = list.current;
    if (!element) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      const { items, actions, run, undoLast } = latest.current;
      const here = (event.target as HTMLElement).closest<HTMLElement>('[data-queue-item]');
      const index = items.findIndex((item) => item.id === here?.dataset.queueItem);
      const key = event.key.toLowerCase();
      const focusAt = (i: number) => {
        const item = items[Math.max(0, Math.min(items.length - 1, i))];
        if (item) document.getElementById(queueItemElementId(item.id))?.focus();
      };
      if (key === 'j') focusAt(index + 1);
      else if (key === 'k') focusAt(index < 0 ? 0 : index - 1);
      else if (key === 'u') undoLast();
      else if (key === 'x' && index >= 0) {
        const item = items[index];
        if (item)
          setSelected((current) => {
            const next = new Set(current);
            if (next.has(item.id)) next.delete(item.id);
            else next.add(item.id);
            return next;
          });
      } else {
        const action = shortcutActions[key];
        const item = items[index];
        if (!action || !item || !(actions as readonly BulkAction[]).includes(action)) return;
        run(action, [item]);
      }
      event.preventDefault();
    };
    element.addEventListener('keydown', onKey);
    return () => element.removeEventListener('keydown', onKey);
  }, [queue.isSuccess]);

  if (queue.isPending) {
    return (
      <p role="status" className="moderation-loading">
        Loading comments…
      </p>
    );
  }
  if (queue.isError) return <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />;

  const { total, page, pageSize } = queue.data;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const allChosen = items.length > 0 && chosen.length === items.length;
  return (
    <section className="queue" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} ref={heading} tabIndex={-1} className="queue__heading">
        {tabLabels[filter.status]}: {total} comment{total === 1 ? '' : 's'}
        {filter.q ? ` matching “${filter.q}”` : ''}
      </h2>
      {items.length > 0 ? (
        <div className="queue-bulk" role="group" aria-label="Selected comments">
          <div className="queue-bulk__all">
            <input
              id={`${id}-all`}
              type="checkbox"
              checked={allChosen}
              ref={(box) => {
                if (box) box.indeterminate = chosen.length > 0 && !allChosen;
              }}
              onChange={(event) =>
                setSelected(new Set(event.target.checked ? items.map((item) => item.id) : []))
              }
            />
            <label htmlFor={`${id}-all`}>Select all on this page</label>
          </div>
          <p className="queue-bulk__count" aria-live="polite">
            {chosen.length} selected
          </p>
          <div className="queue-bulk__buttons">
            {actions.map((action) => (
              <button
                key={action}
                type="button"
                className="button button--quiet"
                aria-disabled={chosen.length === 0 || undefined}
                onClick={() => {
                  if (chosen.length === 0) return;
                  if (action === 'delete') setConfirming(true);
                  else run(action, chosen);
                }}
              >
                {actionLabels[action]}{' '}
                <span className="visually-hidden">the selected comments</span>
              </button>
            ))}
          </div>
          {confirming ? (
            <ConfirmDelete
              what={`${chosen.length} comment${chosen.length === 1 ? '' : 's'}`}
              onCancel={() => setConfirming(false)}
              onConfirm={() => run('delete', chosen)}
            />
          ) : null}
        </div>
      ) : (
        <p className="queue__empty">
          {filter.q || filter.article
            ? 'No comments match.'
            : filter.status === 'pending'
              ? 'Nothing is waiting for moderation.'
              : `No comments in ${tabLabels[filter.status]}.`}
        </p>
      )}
      <ol ref={list} className="queue__list" aria-label={`${tabLabels[filter.status]} comments`}>
        {items.map((item) => (
          <li key={item.id}>
            <QueueItemView
              item={item}
              actions={actions}
              selected={selected.has(item.id)}
              onSelect={(on) =>
                setSelected((current) => {
                  const next = new Set(current);
                  if (on) next.add(item.id);
                  else next.delete(item.id);
                  return next;
                })
              }
              onAction={(action) => run(action, [item])}
            />
          </li>
        ))}
      </ol>
      {pages > 1 ? (
        <nav className="queue-pager" aria-label="Pages">
          {page > 1 ? (
            <Link to={queueHref({ ...filter, page: page - 1 })}>Previous page</Link>
          ) : null}
          <span>
            Page {page} of {pages}
          </span>
          {page < pages ? (
            <Link to={queueHref({ ...filter, page: page + 1 })}>Next page</Link>
          ) : null}
        </nav>
      ) : null}
      <details className="queue-shortcuts">
        <summary>Keyboard shortcuts</summary>
        <ul>
          <li>
            <kbd>J</kbd> / <kbd>K</kbd>: next / previous comment
          </li>
          <li>
            <kbd>X</kbd>: select or unselect the comment
          </li>
          <li>
            <kbd>A</kbd>, <kbd>S</kbd>, <kbd>T</kbd>: approve, spam, trash the comment
          </li>
          <li>
            <kbd>U</kbd>: undo the last action while its Undo is offered
          </li>
        </ul>
      </details>
      <p className="visually-hidden" aria-live="polite">
        {queue.isFetching && !queue.isPending ? 'Updating the list…' : ''}
      </p>
    </section>
  );
}

export function QueuePage() {
  const { search } = useLocation();
  const filter = readFilter(search);
  const counts = useQuery({
    ...moderationQueries.queue(filter),
    select: (page) => page.counts,
  });
  return (
    <>
      <Tabs filter={filter} counts={counts.data ?? null} />
      <FilterForm key={`${filter.article}:${filter.q}`} filter={filter} />
      {/* A new filter starts with nothing selected. */}
      <QueueList key={JSON.stringify(filter)} filter={filter} />
    </>
  );
}
