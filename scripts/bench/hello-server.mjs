// The ceiling for `npm run bench:server`: a bare Hono app on @hono/node-server (no middleware,
// no database). GET / answers one short text. GET /page answers, from memory, whatever bytes and
// headers were last PUT to /page: the bench puts the real article page there, to see what this
// stack does with that very response and nothing else. PORT and HOST as the real server.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

let page = { body: new Uint8Array(0), headers: {} };
const app = new Hono();
app.get('/', (c) => c.text('Hello, world'));
app.get('/page', () => new Response(page.body, { headers: page.headers }));
app.put('/page', async (c) => {
  const { body, headers } = await c.req.json();
  page = { body: new Uint8Array(Buffer.from(body, 'base64')), headers };
  return c.body(null, 204);
});
const server = serve(
  {
    fetch: app.fetch,
    port: Number(process.env.PORT ?? 3001),
    hostname: process.env.HOST ?? '127.0.0.1',
  },
  (info) => console.log(`listening on ${info.port}`),
);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
