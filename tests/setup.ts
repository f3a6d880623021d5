import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { resetMockDb } from '../mocks/db';
import { server } from '../mocks/node';
import { setMockScenario } from '../mocks/scenario';

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
