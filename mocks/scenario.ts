/**
 * How the mock API behaves, switchable without code changes: from the page URL (?mock=NAME),
 * from the dev panel, or from `mockApi.setScenario(NAME)`. The choice lasts for the browser
 * session (sessionStorage); in Node tests it is a plain variable, reset after each test.
 */
export const mockScenarios = {
  default: 'Normal behaviour.',
  slow: 'Every response takes about 3 s.',
  error: 'Posting a comment answers 500; pages still load.',
  'rate-limit': 'Posting a comment answers 429 with Retry-After: 5.',
  malformed: 'Every response has a body that fails the schema.',
  offline: 'Every request fails as a network error (server unreachable).',
  empty: 'No articles and no comments.',
} as const;
export type MockScenario = keyof typeof mockScenarios;

const storageKey = 'mock-api:scenario';
let fallback: MockScenario = 'default';

export function isMockScenario(value: unknown): value is MockScenario {
  return typeof value === 'string' && Object.hasOwn(mockScenarios, value);
}

function session(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

export function getMockScenario(): MockScenario {
  const stored = session()?.getItem(storageKey);
  return isMockScenario(stored) ? stored : fallback;
}

export function setMockScenario(scenario: MockScenario): void {
  fallback = scenario;
  session()?.setItem(storageKey, scenario);
}

/** Added to every response (except in the slow scenario, which takes 3 s). */
export const mockLatency = { ms: 0 };
