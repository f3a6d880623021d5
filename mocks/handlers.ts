import { adminArticleHandlers } from './handlers/admin-articles';
import { articleHandlers } from './handlers/articles';
import { commentHandlers } from './handlers/comments';
import { moderationHandlers } from './handlers/moderation';
import { scenarioHandlers } from './handlers/scenarios';

export const handlers = [
  ...scenarioHandlers,
  ...articleHandlers,
  ...commentHandlers,
  ...moderationHandlers,
  ...adminArticleHandlers,
];
