import { setupWorker } from 'msw/browser';
import { resetMockDb } from './db';
import { handlers } from './handlers';
import { outsideApiHandler } from './handlers/http';
import {
  getMockScenario,
  isMockScenario,
  mockLatency,
  setMockScenario,
  type MockScenario,
} from './scenario';

// First: in a browser every request the page makes reaches the handlers (see outsideApiHandler).
export const worker = setupWorker(outsideApiHandler, ...handlers);

/** What a developer can call from the browser console: `mockApi.reset()`, `mockApi.setScenario('slow')`. */
export const mockApi = {
  reset(): void {
    resetMockDb();
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
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true });
  window.mockApi = mockApi;
  const { mountMockPanel } = await import('./panel/mount-mock-panel');
  mountMockPanel();
}
