import type { BuildAnalysis } from './sizes.mjs';
export const budgets: Record<
  'articleRouteJs' | 'commentForm' | 'commentSection' | 'commentJs',
  { target: number; limit: number }
>;
export function overBudget(analysis: BuildAnalysis): string[];
export const peerEmbedBudgets: Record<'Isso' | 'Coral', { kb: number; what: string }>;
