import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { chromePath } from '../../scripts/chromium.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    /** Where the tests on the real server find `npm run build`'s output (see production-build.ts). */
    productionBuildDir: string;
  }
}

/** Starts the real dev server (mocks on, the real MSW service worker) once for all browser tests. */
export default async function setup(project: TestProject) {
  if (!existsSync(chromePath)) {
    throw new Error(
      `Browser tests need Chromium, and none was found at ${chromePath}.\n` +
        'Install it with `sudo apt-get update && sudo apt-get install -y chromium`, ' +
        'or point CHROME_PATH at a Chromium or Chrome binary.',
    );
  }
  // A short fixed latency keeps pending states real without slowing every test down
  // (the environment wins over .env.development's 250 ms).
  process.env.VITE_MOCK_LATENCY_MS ??= '40';
  const server = await createServer({
    mode: 'development',
    logLevel: 'warn',
    server: { port: 0, strictPort: false, hmr: false },
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('The dev server did not report its address');
  project.provide('baseURL', url);
  mkdirSync(join('node_modules', '.tmp'), { recursive: true });
  const productionBuildDir = mkdtempSync(resolve('node_modules', '.tmp', 'e2e-production-build-'));
  project.provide('productionBuildDir', productionBuildDir);
  return async () => {
    await server.close();
    rmSync(productionBuildDir, { recursive: true, force: true });
  };
}
