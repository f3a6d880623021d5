import { defineConfig } from 'drizzle-kit';

// One schema and one folder of migrations for both engines (PGlite and PostgreSQL 15+).
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/db/schema.ts',
  out: './server/db/migrations',
});
