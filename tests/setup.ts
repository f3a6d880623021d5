import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { resetMockDb } from '../mocks/db';
import { server } from '../mocks/node';
import { setMockScenario } from '../mocks/scenario';

// What a reader waits for (a lazy chunk, then a mocked reply) can take more than the default
// second on a loaded 2-core machine; a wait that succeeds returns as soon as it does.
configure({ asyncUtilTimeout: 5000 });

// jsdom has no scrolling; the app's scroll calls are no-ops here, as they would be off screen.
window.scrollTo = () => {};
Element.prototype.scrollIntoView = function scrollIntoView() {};

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  resetMockDb();
  setMockScenario('default');
  cleanup();
  server.resetHandlers();
  localStorage.clear();
});
afterAll(() => server.close());
