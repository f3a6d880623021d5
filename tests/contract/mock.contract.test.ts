// The contract suite through the MSW handlers (msw/node), as the dev server's worker runs them.
import { resetMockDb } from '../../mocks/db';
import { server } from '../../mocks/node';
import { defineCommentContract } from './comment-contract';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

defineCommentContract({
  baseUrl: () => 'http://mock-api.test',
  reset: async () => resetMockDb(),
});
