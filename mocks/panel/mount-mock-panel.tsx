import { createRoot } from 'react-dom/client';
import { MockPanel } from './mock-panel';

/** The panel gets a root of its own, outside the app, so it can never disturb what it tests. */
export function mountMockPanel(): void {
  const host = document.createElement('div');
  host.id = 'mock-panel-root';
  document.body.append(host);
  createRoot(host).render(<MockPanel />);
}
