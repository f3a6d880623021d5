// The contract suite through the real server, over HTTP on loopback, on the engine under test.
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { addSamplesIfEmpty } from '../../server/db/samples';
import { testApp } from '../../server/test/test-app';
import { openTestDatabase, type TestDatabase } from '../../server/test/test-database';
import { defineCommentContract } from './comment-contract';

let database: TestDatabase;
let http: ServerType;
let port = 0;

beforeAll(async () => {
  database = await openTestDatabase();
  const { app } = testApp(database.db);
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
