import { Hono } from 'hono';
import {
  privacyEraseRequestSchema,
  privacyEraseResponseSchema,
  privacyExportSchema,
  privacyRequestSchema,
} from '../../../src/contract/moderation';
import type { AppDeps } from '../../app-deps';
import { readValidBody } from '../../lib/api-error';
import type { ModerationEnv } from '../moderation/moderation-env';
import { commentsByEmail, eraseByEmail, recordExport } from './privacy-store';

export const privacyPaths = {
  export: '/api/moderation/privacy/export',
  erase: '/api/moderation/privacy/erase',
} as const;

/** Privacy requests: a person's comments, found by email address, exported or erased. */
export function privacyRoutes(deps: AppDeps) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const app = new Hono<ModerationEnv>();

  app.post(privacyPaths.export, async (c) => {
    const body = await readValidBody(c, privacyRequestSchema);
    if (!body.ok) return body.response;
    const at = now();
    const found = await commentsByEmail(db, body.data.email);
    await recordExport(db, c.get('session').moderator.id, found.length, at);
    return c.json(
      privacyExportSchema.parse({
        email: body.data.email,
        exportedAt: at.toISOString(),
        comments: found,
      }),
      200,
      { 'Cache-Control': 'no-store' },
    );
  });

  app.post(privacyPaths.erase, async (c) => {
    const body = await readValidBody(c, privacyEraseRequestSchema);
    if (!body.ok) return body.response;
    const erased = await eraseByEmail(
      db,
      body.data.email,
      body.data.mode,
      c.get('session').moderator.id,
      now(),
    );
    return c.json(privacyEraseResponseSchema.parse({ erased }));
  });

  return app;
}
