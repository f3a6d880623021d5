import { yieldToMain } from '../src/lib/yield-to-main';
import {
  getMockScenario,
  isMockScenario,
  mockLatency,
  setMockScenario,
  type MockScenario,
} from './scenario';

/** What a developer can call from the browser console: `mockApi.reset()`, `mockApi.setScenario('slow')`. */
export const mockApi = {
  reset(): Promise<void> {
    return import('./db').then(({ resetMockDb }) => resetMockDb());
  },
  scenario(): MockScenario {
    return getMockScenario();
  },
  setScenario(scenario: MockScenario): void {
    if (!isMockScenario(scenario)) throw new Error(`Unknown mock scenario "${String(scenario)}"`);
    setMockScenario(scenario);
  },
};

declare global {
  interface Window {
    mockApi?: typeof mockApi;
  }
}

export async function startMockApi(): Promise<void> {
  const fromUrl = new URLSearchParams(window.location.search).get('mock');
  if (isMockScenario(fromUrl)) setMockScenario(fromUrl);
  mockLatency.ms = Number(import.meta.env.VITE_MOCK_LATENCY_MS ?? 0) || 0;
  // In steps with a yield between (MSW, then the handlers with the mock's data, then the
  // worker): evaluated at once they were one task of 100–250 ms on a slowed phone CPU, when the
  // first request comes (the comment section's, as the reader reaches it).
  const { setupWorker } = await import('msw/browser');
  await yieldToMain();
  const { handlers } = await import('./handlers');
  await yieldToMain();
  const worker = setupWorker(...handlers);
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true });
  window.mockApi = mockApi;
  const { mountMockPanel } = await import('./panel/mount-mock-panel');
  mountMockPanel();
}
