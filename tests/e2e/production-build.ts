import { execFile } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'vite';
import { inject } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

/**
 * What `npm run build` makes (its type-check aside, which `npm test` runs anyway): the client in
 * `distDir`, the page renderer in `distServerDir`. Made once per run of the browser tests, in the
 * folder the global setup named (inside node_modules/, so the renderer finds react and the rest
 * by walking up; not dist/, which a developer may be serving), for every file that needs it:
 * the files run one at a time, so the first builds it and the others find it done.
 */
export async function productionBuild(): Promise<{ distDir: string; distServerDir: string }> {
  const dir = inject('productionBuildDir');
  const distDir = join(dir, 'dist');
  const distServerDir = join(dir, 'dist-server');
  const done = join(dir, 'built');
  if (existsSync(done)) return { distDir, distServerDir };
  // Vitest runs with NODE_ENV=test, which would make Vite build React's development bundle.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root,
      mode: 'production',
      logLevel: 'warn',
      build: { outDir: distDir, emptyOutDir: true },
    });
    await build({
      root,
      mode: 'production',
      logLevel: 'warn',
      build: { ssr: 'src/entry-server.tsx', outDir: distServerDir, emptyOutDir: true },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  await promisify(execFile)(process.execPath, [join(root, 'scripts/compress-assets.mjs'), distDir]);
  writeFileSync(done, '');
  return { distDir, distServerDir };
}

export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const { port } = probe.address() as AddressInfo;
  await new Promise((done) => probe.close(done));
  return port;
}
