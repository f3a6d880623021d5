import type { BuildAnalysis } from './sizes.mjs';
export const budgets: Record<
  'articleRouteJs' | 'commentForm' | 'commentSection',
  { target: number; limit: number }
>;
export function overBudget(analysis: BuildAnalysis): string[];
