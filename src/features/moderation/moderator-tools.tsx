import './moderator-tools.css';
import { QueryClientProvider, useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState, type ReactNode } from 'react';
import type { BulkAction } from '../../contract/moderation';
import type { CommentToolsProps, HeldCommentsProps } from '../comments/moderator-tools-slot';
import { LinkedText } from './linked-text';
import { moderationApi } from './moderation-api';
import { moderationQueries } from './moderation-queries';
import { createModerationQueryClient } from './moderation-query-client';
import { failureText } from './use-queue-actions';

// One client for the article page's menus (each comment has one): a session check shared by all.
let client: ReturnType<typeof createModerationQueryClient> | undefined;

function WithClient({ children }: { children: ReactNode }) {
  client ??= createModerationQueryClient();
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

/** The menu only for a signed-in moderator: the hint that brought it here may be stale. */
function useSignedIn(): boolean {
  const session = useQuery(moderationQueries.session());
  return Boolean(session.data);
}

const done: Partial<Record<BulkAction, string>> = {
  approve: 'approved',
  spam: 'marked as spam',
  trash: 'moved to the trash',
};

function useAct(author: string, onChanged: (message: string) => void) {
  const [error, setError] = useState<string | null>(null);
  const act = useMutation({
    mutationFn: ({ id, action }: { id: string; action: BulkAction }) =>
      moderationApi.act({ action, ids: [id] }),
    onMutate: () => setError(null),
    onSuccess: (response, { action }) => {
      const result = response.results[0];
      if (result && !result.ok) {
        setError(result.message ?? 'It could not be changed.');
        return;
      }
      onChanged(`The comment by ${author} was ${done[action] ?? 'changed'}.`);
    },
    onError: (failure) => setError(failureText(failure)),
    onSettled: () => client?.invalidateQueries({ queryKey: moderationQueries.queues() }),
  });
  return { act, error };
}

/** On a published comment: take it down (trash, or spam), for everyone, at once. */
function CommentToolsInner({ commentId, author, onChanged }: CommentToolsProps) {
  const signedIn = useSignedIn();
  const { act, error } = useAct(author, onChanged);
  if (!signedIn) return null;
  return (
    <span className="moderator-tools" role="group" aria-label={`Moderate the comment by ${author}`}>
      <span className="moderator-tools__label" aria-hidden="true">
        Moderate:
      </span>
      <button
        type="button"
        className="button button--quiet"
        aria-disabled={act.isPending || undefined}
        onClick={() => !act.isPending && act.mutate({ id: commentId, action: 'trash' })}
      >
        Take down
      </button>
      <button
        type="button"
        className="button button--quiet"
        aria-disabled={act.isPending || undefined}
        onClick={() => !act.isPending && act.mutate({ id: commentId, action: 'spam' })}
      >
        Spam
      </button>
      {error ? (
        <span className="moderation-form__error" role="alert">
          {error}
        </span>
      ) : null}
    </span>
  );
}

function HeldItem({
  item,
  onChanged,
}: {
  item: { id: string; author: string; content: string; reasons: readonly string[] };
  onChanged: (message: string) => void;
}) {
  const { act, error } = useAct(item.author, onChanged);
  return (
    <li>
      <p className="moderator-held__author">
        <strong>{item.author}</strong>
      </p>
      <LinkedText text={item.content} />
      <div
        className="moderator-tools"
        role="group"
        aria-label={`Moderate the comment by ${item.author}`}
      >
        {(['approve', 'spam', 'trash'] as const).map((action) => (
          <button
            key={action}
            type="button"
            className={`button${action === 'approve' ? '' : ' button--quiet'}`}
            aria-disabled={act.isPending || undefined}
            onClick={() => !act.isPending && act.mutate({ id: item.id, action })}
          >
            {action === 'approve' ? 'Approve' : action === 'spam' ? 'Spam' : 'Trash'}
          </button>
        ))}
      </div>
      {error ? (
        <p className="moderation-form__error" role="alert">
          {error}
        </p>
      ) : null}
    </li>
  );
}

/** Above the comments, for a moderator: this article's held comments, to approve in place. */
function HeldCommentsInner({ slug, onChanged }: HeldCommentsProps) {
  const id = useId();
  const signedIn = useSignedIn();
  const held = useQuery({
    ...moderationQueries.queue({ status: 'pending', article: slug, q: '', page: 1 }),
    enabled: signedIn,
  });
  if (!signedIn || !held.data || held.data.items.length === 0) return null;
  return (
    <section className="moderator-held" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Awaiting moderation on this article: {held.data.total}</h3>
      <ol>
        {held.data.items.map((item) => (
          <HeldItem key={item.id} item={item} onChanged={onChanged} />
        ))}
      </ol>
      <p>
        <a href={`/moderate?article=${encodeURIComponent(slug)}`}>Open the moderation queue</a>
      </p>
    </section>
  );
}

export function ModeratorCommentTools(props: CommentToolsProps) {
  return (
    <WithClient>
      <CommentToolsInner {...props} />
    </WithClient>
  );
}

export function ModeratorHeldComments(props: HeldCommentsProps) {
  return (
    <WithClient>
      <HeldCommentsInner {...props} />
    </WithClient>
  );
}
