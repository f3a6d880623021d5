/**
 * The real server as a child process, for tests that stop it the way production does (SIGTERM
 * from a process manager, SIGKILL from the OOM killer or a power cut of the container).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import {
  dropPostgresDatabase,
  freshPgliteDataDir,
  freshPostgresDatabase,
  testEngine,
  uniqueDatabaseName,
} from './test-database';

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServerProcess {
  /** Where it answers, like http://127.0.0.1:PORT. */
  url: string;
  child: ChildProcess;
  /** Its log so far, one parsed pino line each (what it wrote to stdout). */
  logs: Record<string, unknown>[];
  /** Its output so far, for a failing test's message. */
  output(): string;
  exited: Promise<Exit>;
  /** Resolves with the first log line whose msg matches, or rejects after timeoutMs. */
  waitForLog(msg: string | RegExp, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Sends the signal and waits for the process to end (SIGKILL after timeoutMs, and throws). */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<Exit>;
}

export interface StartOptions {
  /** Settings on top of this process's environment: DATA_DIR or DATABASE_URL, PORT, … */
  env: Record<string, string>;
  args?: string[];
  timeoutMs?: number;
}

const running = new Set<ServerProcess>();

/** Ends (SIGKILL) every server a test started and did not stop: for afterEach. */
export async function killStartedServers(): Promise<void> {
  await Promise.all([...running].map((server) => server.stop('SIGKILL').catch(() => undefined)));
}

function timeout(ms: number, what: string, server?: ServerProcess) {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} took over ${ms} ms${server ? `\n${server.output()}` : ''}`)),
      ms,
    );
  });
  return { promise, clear: () => clearTimeout(timer) };
}

/**
 * Starts `server/main.ts` as the site would (`tsx server/main.ts`), and resolves once /readyz
 * answers 200. Through `node --import tsx`, not the tsx command: that one runs the server in a
 * process of its own under it, and a SIGKILL would reach only the wrapper, leaving the server
 * running on the data directory.
 */
export async function startServer({ env, args = [], timeoutMs = 30_000 }: StartOptions) {
  // Without the test runner's NODE_ENV=test: the server runs as `npm start` would run it.
  const inherited = { ...process.env };
  delete inherited.NODE_ENV;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], {
    env: { ...inherited, PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  let text = '';
  const listeners = new Set<() => void>();
  let pending = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    text += chunk;
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      try {
        logs.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        // Not a log line (a stray console.log): kept in the output only.
      }
    }
    for (const listener of listeners) listener();
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    text += chunk;
  });
  const exited = new Promise<Exit>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });

  const server: ServerProcess = {
    url: '',
    child,
    logs,
    // Each line marked, so that no test runner takes the server's stack traces for the test's.
    output: () => `server output:\n${text.replace(/^/gm, '│ ')}`,
    exited,
    async waitForLog(msg, ms = timeoutMs) {
      const matches = (line: Record<string, unknown>) =>
        typeof line.msg === 'string' &&
        (typeof msg === 'string' ? line.msg === msg : msg.test(line.msg));
      const found = logs.find(matches);
      if (found) return found;
      const limit = timeout(ms, `Waiting for the log line "${String(msg)}"`, server);
      let listener: (() => void) | undefined;
      try {
        return await Promise.race([
          new Promise<Record<string, unknown>>((resolve) => {
            listener = () => {
              const line = logs.find(matches);
              if (line) resolve(line);
            };
            listeners.add(listener);
          }),
          exited.then((exit): never => {
            const line = logs.find(matches);
            if (line) return line as never;
            throw new Error(
              `The server exited (${JSON.stringify(exit)}) before logging "${String(msg)}"\n${server.output()}`,
            );
          }),
          limit.promise,
        ]);
      } finally {
        if (listener) listeners.delete(listener);
        limit.clear();
      }
    },
    async stop(signal = 'SIGTERM', ms = 15_000) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const limit = timeout(ms, `Stopping the server with ${signal}`, server);
      try {
        return await Promise.race([exited, limit.promise]);
      } catch (error) {
        child.kill('SIGKILL');
        await exited;
        throw error;
      } finally {
        limit.clear();
        running.delete(server);
      }
    },
  };
  running.add(server);

  const listening = await server.waitForLog(/^The Daily Thread is at/);
  server.url = `http://127.0.0.1:${String(listening.port)}`;
  await waitUntilReady(server, timeoutMs);
  return server;
}

/** Polls /readyz (the database answers) until 200, for at most timeoutMs. */
async function waitUntilReady(server: ServerProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await fetch(`${server.url}/readyz`, { signal: AbortSignal.timeout(2000) }).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    if (Date.now() > deadline) {
      throw new Error(`/readyz did not answer 200 in ${timeoutMs} ms\n${server.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * A new, empty database on the engine under test, as a server process's settings: a data
 * directory on PGlite, a database of its own on PostgreSQL. Cleanup drops the latter.
 */
export async function freshServerDatabase(): Promise<{
  env: Record<string, string>;
  cleanup(): Promise<void>;
}> {
  if (testEngine === 'postgres') {
    const url = await freshPostgresDatabase(uniqueDatabaseName('test_server'));
    return { env: { DATABASE_URL: url }, cleanup: () => dropPostgresDatabase(url) };
  }
  const dir = await freshPgliteDataDir();
  return {
    env: { DATA_DIR: dir },
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}
