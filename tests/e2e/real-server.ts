import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, productionBuild } from './production-build';

const root = resolve(import.meta.dirname, '../..');

async function waitUntilReady(url: string, server: ChildProcess, output: () => string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The server stopped:\n${output()}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((next) => setTimeout(next, 100));
  }
  throw new Error(`The server was not ready within 60 s:\n${output()}`);
}

export interface RealServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * The production build (client and page renderer) served by the real server, `tsx
 * server/main.ts`, on a fresh embedded database with the samples, at a free port: what `npm
 * start` runs, on this run's one production build (production-build.ts), so the work tree's
 * own dist/ is left alone; its data in a temporary working directory.
 */
export async function startRealServer(): Promise<RealServer> {
  const dir = mkdtempSync(join(tmpdir(), 'reader-server-'));
  const { distDir, distServerDir } = await productionBuild();
  // The sample articles' media, which the server serves from its working directory.
  mkdirSync(join(dir, 'mocks/public'), { recursive: true });
  symlinkSync(join(root, 'mocks/public/media'), join(dir, 'mocks/public/media'));

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const server = spawn(
    process.execPath,
    [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'server/main.ts')],
    {
      cwd: dir,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: join(dir, 'data'),
        DIST_DIR: distDir,
        DIST_SERVER_DIR: distServerDir,
        PUBLIC_URL: url,
        LOG_LEVEL: 'warn',
        // Tests post more than one comment a quarter-minute from the same address.
        FLOOD_GUARD: 'off',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitUntilReady(url, server, () => output);
  return {
    url,
    async stop() {
      if (server.exitCode === null) {
        const exited = new Promise((done) => server.once('exit', done));
        server.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
