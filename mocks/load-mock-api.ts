import { yieldToMain } from '../src/lib/yield-to-main';

/**
 * The mock API's code, in the order it is evaluated: each a chunk of its own (vite.config.ts),
 * each step's modules importing only those of the steps before it.
 */
const steps = [
  // tough-cookie, with its public-suffix list (tldts): what MSW's own chunk imports first.
  () => import('tough-cookie'),
  () => import('msw/browser'),
  () => import('../src/contract/moderation'),
  () => import('../src/contract/comment-rules'),
  // The fixtures and the mock's stores, then the handlers.
  () => import('./db'),
  () => import('./handlers/moderation'),
];

/**
 * Loads and starts the mock API in steps, each its own task, so that no one of them holds a
 * phone's main thread for long: the mock starts on a demo reader's first request, while the
 * comment section is starting. In one go, evaluating MSW, its cookie library and the handlers
 * was one task of 110–150 ms on a 4× slowed CPU.
 */
export async function loadMockApi(): Promise<void> {
  for (const step of steps) {
    await step();
    await yieldToMain();
  }
  const { startMockApi } = await import('./browser');
  await yieldToMain();
  await startMockApi();
}
