/**
 * The production server: reads its settings, opens and migrates the database (PGlite in
 * DATA_DIR, or PostgreSQL at DATABASE_URL), adds the samples to a new one, then serves the built
 * app and the API on one origin. SIGTERM or SIGINT: stop taking connections, finish what is in
 * flight, then close the database.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { Server, type ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve } from '@hono/node-server';
import { pino } from 'pino';
import { createApp } from './app';
import { createNotifier, type HeldComment } from './lib/notifications';
import { openDatabase, ping } from './db/client';
import { DataDirInUseError } from './db/data-dir-lock';
import { addSamplesIfEmpty } from './db/samples';
import { parseEnv } from './env';
import { createPageRenderer, type RenderModule } from './pages/page-renderer';

const env = parseEnv(process.env, process.argv.slice(2));
const logger = pino({ level: env.LOG_LEVEL });

// --api-only: the API without the pages, for `npm run dev:server` (Vite serves the app) and for
// tests that need no build.
const apiOnly = process.argv.includes('--api-only');
const distDir = resolve(env.DIST_DIR);
const renderModulePath = resolve(env.DIST_SERVER_DIR, 'entry-server.js');
if (!apiOnly && (!existsSync(join(distDir, 'index.html')) || !existsSync(renderModulePath))) {
  logger.fatal(`No built app in ${distDir}: run \`npm run build\` first (npm start does).`);
  process.exit(1);
}

if (!env.DATABASE_URL) mkdirSync(env.DATA_DIR, { recursive: true });
const started = performance.now();
const database = await openDatabase({
  url: env.DATABASE_URL,
  dataDir: env.DATABASE_URL ? undefined : resolve(env.DATA_DIR),
  poolSize: env.DATABASE_POOL_SIZE,
}).catch((error: unknown) => {
  if (!(error instanceof DataDirInUseError)) throw error;
  // Another server (or db:export, db:import) has the embedded database: say so, not a stack.
  logger.fatal(error.message);
  process.exit(1);
});
await database.migrate();
if (env.SAMPLES && (await addSamplesIfEmpty(database.db))) {
  logger.info('New database: added the sample articles (start with --no-samples to skip them)');
}
logger.info(
  {
    engine: database.engine,
    where: database.engine === 'pglite' ? resolve(env.DATA_DIR) : 'DATABASE_URL',
    ms: Math.round(performance.now() - started),
  },
  'database ready',
);

const publicUrl = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
const pages = apiOnly ? undefined : await loadPages();

async function loadPages() {
  // React picks its server renderer by NODE_ENV, and npm start sets none: without this the built
  // app's pages would be rendered by React's development build, slower and with dev-only checks.
  process.env.NODE_ENV ||= 'production';
  const render = (await import(pathToFileURL(renderModulePath).href)) as RenderModule;
  return createPageRenderer({
    db: database.db,
    render,
    indexHtml: readFileSync(join(distDir, 'index.html'), 'utf8'),
    cssFor: (href) => readFileSync(join(distDir, href.slice(1)), 'utf8'),
    staticDirs: [
      { dir: distDir, prefix: '/' },
      // The sample articles' pictures and video.
      { dir: resolve('mocks/public/media'), prefix: '/media/' },
    ],
    publicUrl,
    mediaOrigins: env.MEDIA_ORIGINS,
    ...(database.localWrites ? { localWrites: database.localWrites } : {}),
  });
}

const notifier = createNotifier({
  db: database.db,
  logger,
  publicUrl,
  smtpUrl: env.SMTP_URL,
  mailFrom: env.MAIL_FROM,
  webhookUrl: env.WEBHOOK_URL,
  webhookSecret: env.WEBHOOK_SECRET,
});

const app = createApp({
  db: database.db,
  logger,
  ...(notifier.enabled ? { onHeld: (comment: HeldComment) => notifier.held(comment) } : {}),
  floodGuard: env.FLOOD_GUARD,
  trustProxyHops: env.TRUST_PROXY_HOPS,
  publicUrl,
  corsOrigins: env.CORS_ORIGINS,
  ...(pages ? { pages } : {}),
  ...(database.localWrites ? { localWrites: database.localWrites } : {}),
  ready: () => ping(database.db).then(() => true),
});

const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
  logger.info({ port: info.port, url: publicUrl }, `The Daily Thread is at ${publicUrl}`);
});

let stopping = false;
// While stopping, every response closes its connection. Otherwise a keep-alive client (a
// browser, a proxy's pool) holds the server open for the keep-alive timeout after its last
// answer (5 s), or longer if it keeps sending requests on that connection.
const unanswered = new Set<ServerResponse>();
const httpServer = server instanceof Server ? server : undefined;
httpServer?.on('request', (_request, response: ServerResponse) => {
  if (stopping) response.setHeader('Connection', 'close');
  unanswered.add(response);
  response.once('close', () => unanswered.delete(response));
});

function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'stopping: finishing requests in flight');
  for (const response of unanswered) {
    if (!response.headersSent) response.setHeader('Connection', 'close');
    // Already sending: its connection is idle once it is done, and closed then.
    else response.once('close', () => setImmediate(() => httpServer?.closeIdleConnections()));
  }
  // Ends idle keep-alive connections at once and the rest as their responses finish.
  server.close(() => {
    database
      .close()
      .then(() => {
        logger.info('stopped');
        process.exit(0);
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, 'closing the database failed');
        process.exit(1);
      });
  });
  if ('closeIdleConnections' in server) server.closeIdleConnections();
  // A request that never completes would keep the server, and its database, open for good.
  setTimeout(() => {
    logger.warn(
      { unanswered: unanswered.size, graceMs: env.SHUTDOWN_GRACE_MS },
      'stopping: grace period over, closing the connections still open',
    );
    httpServer?.closeAllConnections();
  }, env.SHUTDOWN_GRACE_MS).unref();
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
