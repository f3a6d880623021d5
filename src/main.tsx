import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { createBrowserRouter } from 'react-router';
import { routes } from './app/routes';
import { createQueryClient } from './app/query-client';
import './styles/global.css';

async function enableMocking(): Promise<void> {
  if (import.meta.env.VITE_API_MOCKING !== 'on') return;
  // Dynamic import: the mock layer never reaches a build without mocking.
  const { startMockApi } = await import('../mocks/browser');
  await startMockApi();
}

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

await enableMocking();
const queryClient = createQueryClient();
createRoot(container).render(
  <StrictMode>
    <App queryClient={queryClient} router={createBrowserRouter(routes)} />
  </StrictMode>,
);
