import type { ArticleStatus } from '../../contract/admin-articles';

export const statusText: Record<ArticleStatus, string> = {
  draft: 'Draft',
  scheduled: 'Scheduled',
  published: 'Published',
};
