import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../app-deps';

export function healthRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  // Alive: the process answers. Ready: it can also reach its database.
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    const ready = await (deps.ready?.() ?? Promise.resolve(true)).catch(() => false);
    return ready
      ? c.json({ status: 'ready' })
      : c.json({ status: 503, message: 'The database cannot be reached.' }, 503);
  });
  return app;
}
