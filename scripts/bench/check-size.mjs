// npm run check:size: builds the demo into a temporary folder and fails if a chunk group is over
// its budget (scripts/bench/budgets.mjs). npm test runs the same check on the build that
// tests/e2e/built-app.test.ts makes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { overBudget } from './budgets.mjs';
import { analyseBuild } from './sizes.mjs';

const outDir = mkdtempSync(join(tmpdir(), 'reader-size-'));
process.env.NODE_ENV = 'production';
try {
  await build({
    root: resolve(import.meta.dirname, '../..'),
    mode: 'demo',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, manifest: true },
  });
  const analysis = analyseBuild(outDir);
  const problems = overBudget(analysis);
  const kb = (group) => (group ? `${(group.gzip / 1024).toFixed(1)} KB` : 'missing');
  console.log(
    `article route JS ${kb(analysis.articleRouteJs)}, comment form ${kb(analysis.commentForm)}, comment section ${kb(analysis.commentSection)}, comment JS in all ${kb(analysis.commentJs)}, moderation screens ${kb(analysis.moderation)} (gzip); moderation modules in reader chunks: ${analysis.moderationInReaderChunks.length}`,
  );
  if (problems.length) {
    console.error(`Over budget:\n  ${problems.join('\n  ')}`);
    process.exitCode = 1;
  }
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
