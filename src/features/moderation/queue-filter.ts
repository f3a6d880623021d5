import { queueTabSchema } from '../../contract/moderation';
import type { QueueFilter } from './moderation-queries';

/** The queue's filter from its address (?status=spam&article=…&q=…&page=2). */
export function readFilter(search: string): QueueFilter {
  const params = new URLSearchParams(search);
  const status = queueTabSchema.safeParse(params.get('status'));
  const page = Number(params.get('page'));
  return {
    status: status.success ? status.data : 'pending',
    article: params.get('article') || null,
    q: params.get('q')?.trim() ?? '',
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

export function queueHref(filter: Partial<QueueFilter>): string {
  const params = new URLSearchParams();
  if (filter.status && filter.status !== 'pending') params.set('status', filter.status);
  if (filter.article) params.set('article', filter.article);
  if (filter.q) params.set('q', filter.q);
  if (filter.page && filter.page > 1) params.set('page', String(filter.page));
  const search = params.toString();
  return search ? `/moderate?${search}` : '/moderate';
}

export const queueItemElementId = (id: string) => `queue-item-${id}`;
