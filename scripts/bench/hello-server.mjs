// The ceiling for `npm run bench:server`: a bare Hono app on @hono/node-server that answers one
// short text, nothing else (no middleware, no database). PORT and HOST as the real server.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono();
app.get('/', (c) => c.text('Hello, world'));
const server = serve(
  {
    fetch: app.fetch,
    port: Number(process.env.PORT ?? 3001),
    hostname: process.env.HOST ?? '127.0.0.1',
  },
  (info) => console.log(`listening on ${info.port}`),
);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
