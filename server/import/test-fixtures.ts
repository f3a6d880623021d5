import { join, resolve } from 'node:path';

/**
 * The real exports the importers are tested on: beside the checkout, in ../shared/fixtures/imports
 * (SOURCES.md there says where each comes from), or where IMPORT_FIXTURES points.
 */
export const importFixtures =
  process.env.IMPORT_FIXTURES ?? resolve(import.meta.dirname, '../../../shared/fixtures/imports');

export const importFixture = (path: string) => join(importFixtures, path);
