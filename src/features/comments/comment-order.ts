import { localStore } from '../../lib/local-store';
import { commentOrderSchema, type CommentOrder } from '../../contract/comments';

const key = 'comments:order';

export const commentOrderLabels: Record<CommentOrder, string> = {
  oldest: 'Oldest first',
  newest: 'Newest first',
};

/** The reader's chosen comment order, remembered; oldest first by default, like WordPress. */
export const commentOrder = {
  read: (): CommentOrder => localStore.read(key, commentOrderSchema) ?? 'oldest',
  save: (order: CommentOrder) => localStore.write(key, order),
};
