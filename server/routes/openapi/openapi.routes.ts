import { Hono } from 'hono';
import type { AppEnv } from '../../app-deps';
import { openApiDocument } from './openapi-document';

export function openApiRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/api/openapi.json', (c) => c.json(openApiDocument));
  return app;
}
