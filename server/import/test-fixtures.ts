import { join, resolve } from 'node:path';

/**
 * The real exports the importers are tested on, kept in the repository so a fresh clone tests
 * them (SOURCES.md there says where each comes from), or where IMPORT_FIXTURES points.
 */
export const importFixtures =
  process.env.IMPORT_FIXTURES ?? resolve(import.meta.dirname, '../../tests/fixtures/imports');

export const importFixture = (path: string) => join(importFixtures, path);
