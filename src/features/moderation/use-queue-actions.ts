import { useMutation, useQueryClient } from '@tanstack/react-query';
import { describeError } from '../../lib/error-message';
import { isApiError } from '../../lib/api-error';
import type {
  BulkAction,
  ModerationActionRequest,
  ModerationActionResponse,
  QueueItem,
} from '../../contract/moderation';
import { moderationApi } from './moderation-api';
import { moderationQueries, type QueueFilter } from './moderation-queries';
import { useModerationStatus } from './moderation-status-context';

export const actionLabels: Record<BulkAction, string> = {
  approve: 'Approve',
  unapprove: 'Unapprove',
  spam: 'Spam',
  trash: 'Trash',
  restore: 'Restore',
  delete: 'Delete permanently',
};

const pastTense: Record<BulkAction, string> = {
  approve: 'approved',
  unapprove: 'moved back to Pending',
  spam: 'marked as spam',
  trash: 'moved to the trash',
  restore: 'restored',
  delete: 'deleted permanently',
};

/** What each tab offers for its comments, in button order. */
export const tabActions = {
  pending: ['approve', 'spam', 'trash'],
  approved: ['unapprove', 'spam', 'trash'],
  spam: ['restore', 'delete'],
  trash: ['restore', 'delete'],
} as const satisfies Record<QueueFilter['status'], readonly BulkAction[]>;

export function failureText(error: unknown): string {
  if (isApiError(error) && error.kind === 'http' && error.status < 500) return error.message;
  const { title, detail } = describeError(error);
  return `${title}. ${detail}`;
}

function summary(
  action: BulkAction,
  items: readonly QueueItem[],
  response: ModerationActionResponse,
): string {
  const done = response.results.filter((r) => r.ok).length;
  const failed = response.results.filter((r) => !r.ok);
  const what =
    items.length === 1 && done === 1
      ? `The comment by ${items[0]?.author ?? 'its author'} was`
      : `${done} comment${done === 1 ? ' was' : 's were'}`;
  const head = done > 0 ? `${what} ${pastTense[action]}.` : 'Nothing was changed.';
  if (failed.length === 0) return head;
  const reason = failed[0]?.message ? `: ${failed[0].message}` : '.';
  return `${head} ${failed.length} could not be${reason}`;
}

/** Invalidates what any moderation change may have changed: every queue page, the audit log. */
function useRefresh() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: moderationQueries.queues() }),
      client.invalidateQueries({ queryKey: moderationQueries.audits() }),
    ]);
}

/**
 * Approve, spam, trash… on one comment or a selection: gone from the list at once (put back if
 * the server refuses), announced, with Undo for a few seconds.
 */
export function useQueueAction(filter: QueueFilter) {
  const client = useQueryClient();
  const refresh = useRefresh();
  const { announce } = useModerationStatus();
  const queueKey = moderationQueries.queue(filter).queryKey;
  const undo = useMutation({
    mutationFn: (request: ModerationActionRequest) => moderationApi.act(request),
    onSuccess: ({ results }) => {
      const failed = results.filter((result) => !result.ok);
      if (failed.length === 0) return announce('Undone.');
      announce(
        `${failed.length === results.length ? 'It' : `${failed.length} of them`} could not be undone${failed[0]?.message ? `: ${failed[0].message}` : '.'}`,
      );
    },
    onError: (error) => announce(`It could not be undone. ${failureText(error)}`),
    onSettled: refresh,
  });
  const act = useMutation({
    mutationFn: ({ action, items }: { action: BulkAction; items: readonly QueueItem[] }) =>
      moderationApi.act({ action, ids: items.map((item) => item.id) }),
    onMutate: async ({ items }) => {
      await client.cancelQueries({ queryKey: queueKey });
      const previous = client.getQueryData(queueKey);
      const gone = new Set(items.map((item) => item.id));
      if (previous) {
        client.setQueryData(queueKey, {
          ...previous,
          items: previous.items.filter((item) => !gone.has(item.id)),
        });
      }
      return { previous };
    },
    onSuccess: (response, { action, items }) => {
      const undoRequest = response.undo;
      announce(
        summary(action, items, response),
        undoRequest ? () => undo.mutate(undoRequest) : undefined,
      );
    },
    onError: (error, _variables, context) => {
      if (context?.previous) client.setQueryData(queueKey, context.previous);
      announce(`Nothing was changed. ${failureText(error)}`);
    },
    onSettled: refresh,
  });
  return act;
}

/** The moderator's edit of a comment's text, undone by putting the old text back. */
export function useEditByModerator() {
  const refresh = useRefresh();
  const { announce } = useModerationStatus();
  const restore = useMutation({
    mutationFn: ({ id, content }: { id: string; content: string }) =>
      moderationApi.edit(id, content),
    onSuccess: () => announce('Undone: the comment has its old text again.'),
    onError: (error) => announce(`It could not be undone. ${failureText(error)}`),
    onSettled: refresh,
  });
  return useMutation({
    mutationFn: ({ id, content }: { id: string; content: string }) =>
      moderationApi.edit(id, content),
    onSuccess: ({ item, previousContent }) =>
      announce(`The comment by ${item.author} was edited.`, () =>
        restore.mutate({ id: item.id, content: previousContent }),
      ),
    onSettled: refresh,
  });
}

/** A reply as the site: published at once; undone by trashing it. */
export function useReplyAsSite() {
  const refresh = useRefresh();
  const { announce } = useModerationStatus();
  const undo = useMutation({
    mutationFn: (request: ModerationActionRequest) => moderationApi.act(request),
    onSuccess: () => announce('Undone: your reply was removed.'),
    onError: (error) => announce(`It could not be undone. ${failureText(error)}`),
    onSettled: refresh,
  });
  return useMutation({
    mutationFn: ({ id, content }: { id: string; content: string }) =>
      moderationApi.reply(id, content),
    onSuccess: ({ parent, undo: undoRequest }) =>
      announce(`Your reply to ${parent.author} was published.`, () => undo.mutate(undoRequest)),
    onSettled: refresh,
  });
}
