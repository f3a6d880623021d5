import { yieldToMain } from '../src/lib/yield-to-main';

/**
 * Loads and starts the mock API in steps, each its own task, so that no one of them holds a
 * phone's main thread for long: the mock starts on a demo reader's first request, while the
 * comment section is starting. In one go, evaluating MSW, its cookie library and the handlers
 * was one task of 110–150 ms on a 4× slowed CPU. Each step is a chunk of its own (vite.config.ts).
 */
export async function loadMockApi(): Promise<void> {
  // tough-cookie, with its public-suffix list: what MSW's own chunk imports first.
  await import('@bundled-es-modules/tough-cookie');
  await yieldToMain();
  await import('msw/browser');
  await yieldToMain();
  await import('../src/contract/moderation');
  await yieldToMain();
  await import('../src/contract/comment-rules');
  await yieldToMain();
  // The fixtures and the mock's stores, then the handlers.
  await import('./db');
  await yieldToMain();
  await import('./handlers/moderation');
  await yieldToMain();
  const { startMockApi } = await import('./browser');
  await yieldToMain();
  await startMockApi();
}
