import { Hono } from 'hono';
import {
  moderationSettingsSchema,
  type ModerationSettings,
} from '../../../src/contract/moderation';
import type { AppDeps } from '../../app-deps';
import { readValidBody } from '../../lib/api-error';
import { audit } from '../moderation/audit-store';
import type { ModerationEnv } from '../moderation/moderation-env';
import { saveSettings, type SettingsReader } from './settings-store';

export const settingsPath = '/api/moderation/settings';

/** Which settings differ, by name: what the audit log says of a change (never the words). */
function changedFields(before: ModerationSettings, after: ModerationSettings): string[] {
  return (Object.keys(after) as (keyof ModerationSettings)[]).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
}

export function settingsRoutes(deps: AppDeps, settings: SettingsReader) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const app = new Hono<ModerationEnv>();

  app.get(settingsPath, async (c) => {
    settings.forget();
    return c.json(await settings.get());
  });

  app.put(settingsPath, async (c) => {
    const body = await readValidBody(c, moderationSettingsSchema, 'Some settings need attention.');
    if (!body.ok) return body.response;
    settings.forget();
    const before = await settings.get();
    const at = now();
    await db.transaction(async (tx) => {
      await saveSettings(tx, body.data, at);
      const changed = changedFields(before, body.data);
      if (changed.length) {
        await audit(tx, at, [
          {
            moderatorId: c.get('session').moderator.id,
            action: 'settings',
            detail: `Changed: ${changed.join(', ')}`,
          },
        ]);
      }
    });
    settings.forget();
    return c.json(body.data);
  });

  return app;
}
