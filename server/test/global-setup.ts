import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/client';
import './test-database';

const migrations = 'server/db/migrations';

/**
 * A new PGlite takes seconds to initialise and migrate; loading a dump of a migrated one takes
 * under one. The dump is made once per set of migrations and kept in node_modules/.tmp.
 */
export default async function setup(project: TestProject) {
  const hash = createHash('sha256');
  for (const file of readdirSync(migrations).sort()) {
    if (file.endsWith('.sql')) hash.update(readFileSync(join(migrations, file)));
  }
  const dir = 'node_modules/.tmp';
  const path = join(dir, `pglite-migrated-${hash.digest('hex').slice(0, 12)}.tar`);
  if (!existsSync(path)) {
    const handle = await openDatabase({});
    await handle.migrate();
    const client = (handle.db as unknown as { $client: PGlite }).$client;
    const dump = await client.dumpDataDir('none');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
    await handle.close();
  }
  project.provide('pgliteSnapshot', path);
}
