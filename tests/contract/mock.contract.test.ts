// The contract suite through the MSW handlers (msw/node), as the dev server's worker runs them.
import { resetMockDb } from '../../mocks/db';
import { server } from '../../mocks/node';
import { devModeratorAccount } from '../../mocks/moderation-db';
import { defineCommentContract } from './comment-contract';
import { defineModerationContract } from './moderation-contract';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

defineCommentContract({
  baseUrl: () => 'http://mock-api.test',
  reset: async () => resetMockDb(),
});

defineModerationContract({
  baseUrl: () => 'http://mock-api.test',
  reset: async () => resetMockDb(),
  moderator: devModeratorAccount,
});
