// The contract suite through the real server, over HTTP on loopback, on the engine under test.
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { addSamplesIfEmpty } from '../../server/db/samples';
import { testApp } from '../../server/test/test-app';
import { openTestDatabase, type TestDatabase } from '../../server/test/test-database';
import { devModeratorAccount } from '../../mocks/moderation-db';
import { testPasswordCost } from '../../server/lib/passwords';
import { addModerator } from '../../server/routes/auth/moderator-store';
import { defineCommentContract } from './comment-contract';
import { defineModerationContract } from './moderation-contract';

let database: TestDatabase;
let http: ServerType;
let port = 0;

beforeAll(async () => {
  database = await openTestDatabase();
  const { app } = testApp(database.db, {
    passwordCost: testPasswordCost,
    // reset() empties the tables under the app: its rules must not outlive them.
    settingsMaxAgeMs: 0,
  });
  http = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => http.once('listening', resolve));
  port = (http.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => (http ? http.close(resolve) : resolve(undefined)));
  await database?.close();
});

defineCommentContract({
  baseUrl: () => `http://127.0.0.1:${port}`,
  reset: async () => {
    await database.reset();
    await addSamplesIfEmpty(database.db);
  },
});

defineModerationContract({
  baseUrl: () => `http://127.0.0.1:${port}`,
  reset: async () => {
    await database.reset();
    await addSamplesIfEmpty(database.db);
    await addModerator(database.db, devModeratorAccount, testPasswordCost);
  },
  moderator: devModeratorAccount,
});
