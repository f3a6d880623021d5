import { articleHandlers } from './handlers/articles';
import { commentHandlers } from './handlers/comments';

export const handlers = [...articleHandlers, ...commentHandlers];
