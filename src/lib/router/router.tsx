import type { ReactNode } from 'react';
import type { AppHistory } from './history';
import { RouterContext } from './router-context';

export function Router({ history, children }: { history: AppHistory; children: ReactNode }) {
  return <RouterContext value={history}>{children}</RouterContext>;
}
