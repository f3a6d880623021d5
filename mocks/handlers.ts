import { articleHandlers } from './handlers/articles';

export const handlers = [...articleHandlers];
