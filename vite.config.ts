import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { defineConfig, loadEnv, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import sirv from 'sirv';
import { prerender } from './scripts/prerender.ts';

const mockPublicDir = 'mocks/public';

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

/**
 * The mock API's static side (the MSW worker script and the media its fixtures
 * point at) lives in mocks/public. It is served by the dev server and copied into
 * the demo build, and never reaches a normal production build.
 */
function mockPublicAssets(enabled: boolean): Plugin {
  return {
    name: 'mock-public-assets',
    configureServer(server) {
      if (enabled) server.middlewares.use(sirv(mockPublicDir, { dev: true, etag: true }));
    },
    generateBundle() {
      if (!enabled) return;
      for (const file of listFiles(mockPublicDir)) {
        this.emitFile({
          type: 'asset',
          fileName: relative(mockPublicDir, file).split('\\').join('/'),
          source: readFileSync(file),
        });
      }
    },
  };
}

const initScriptFile = 'src/features/reader-settings/reader-settings-init.js';
const initScriptPlaceholder = '<!-- reader-settings-init -->';

/** The reader-settings script as it goes into <head>: its code, without the file's comment. */
function initScript(): string {
  return readFileSync(initScriptFile, 'utf8')
    .replace(/^\/\*[\s\S]*?\*\/\s*/, '')
    .trim();
}

/**
 * Puts the reader's theme and text size on <html> before first paint, from a blocking script
 * inline in <head> (one request fewer in front of the first paint than a file of its own).
 */
function inlineInitScript(): Plugin {
  return {
    name: 'inline-reader-settings-init',
    transformIndexHtml(html) {
      if (!html.includes(initScriptPlaceholder))
        throw new Error(`index.html lacks ${initScriptPlaceholder}`);
      return html.replace(initScriptPlaceholder, () => `<script>${initScript()}</script>`);
    },
  };
}

const faviconFile = 'public/favicon.svg';

/**
 * The icon inline, as a data: address: one request fewer while the page loads (Lighthouse's
 * simulated LCP came out one round trip later in most runs when the icon's request finished
 * before the largest paint). The file stays for the JSON-LD logo.
 */
function inlineFavicon(): Plugin {
  return {
    name: 'inline-favicon',
    transformIndexHtml(html) {
      const link = '<link rel="icon" href="/favicon.svg" type="image/svg+xml" />';
      if (!html.includes(link)) throw new Error(`index.html lacks ${link}`);
      const svg = readFileSync(faviconFile, 'utf8').trim().replaceAll('"', "'");
      const href = `data:image/svg+xml,${svg.replace(/[<>#%\n]/g, (c) => encodeURIComponent(c))}`;
      return html.replace(link, () => `<link rel="icon" href="${href}" type="image/svg+xml" />`);
    },
  };
}

/**
 * The entry (src/main.tsx) evaluates the app, and after a yield imports React's DOM renderer, so
 * the two are separate tasks; the renderer's chunk is preloaded with the entry rather than
 * fetched once the app has run.
 */
function preloadDomRenderer(): Plugin {
  return {
    name: 'preload-dom-renderer',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        if (!bundle) return html;
        const chunks = Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [c] : []));
        const renderer = chunks.find((c) =>
          c.moduleIds.some((id) => /node_modules[\\/]react-dom[\\/]client\.js$/.test(id)),
        );
        if (!renderer) throw new Error('The build has no chunk for react-dom/client');
        const files = [renderer.fileName, ...renderer.imports].filter(
          (file) => !html.includes(`/${file}"`),
        );
        return files.map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

/**
 * The built app's Content-Security-Policy: no eval, no inline script but the reader-settings one
 * (allowed by its hash), nothing from elsewhere (a configured API origin aside). The dev server
 * goes without, since Vite injects inline code.
 */
function contentSecurityPolicy(apiBaseUrl: string | undefined): Plugin {
  const apiOrigin = apiBaseUrl ? new URL(apiBaseUrl).origin : '';
  const initScriptHash = createHash('sha256').update(initScript()).digest('base64');
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'sha256-${initScriptHash}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "media-src 'self'",
    "font-src 'self'",
    `connect-src 'self'${apiOrigin ? ` ${apiOrigin}` : ''}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: policy },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), 'VITE_');
  const mocking = env.VITE_API_MOCKING === 'on';
  return {
    plugins: [
      react(),
      inlineInitScript(),
      inlineFavicon(),
      preloadDomRenderer(),
      mockPublicAssets(mocking),
      contentSecurityPolicy(env.VITE_API_BASE_URL || undefined),
      prerender(mocking),
    ],
    server: {
      port: 5173,
      // `npm run dev:server` (mode "server"): the real server answers /api instead of the mocks.
      ...(env.VITE_API_PROXY
        ? { proxy: { '/api': { target: env.VITE_API_PROXY, changeOrigin: false } } }
        : {}),
    },
    // Pre-bundle everything the browser needs up front, so the dev server never reloads the
    // page mid-visit to add a dependency it discovered late (which would make e2e tests flaky).
    optimizeDeps: {
      include: [
        'react',
        'react/jsx-runtime',
        'react/jsx-dev-runtime',
        'react-dom/client',
        '@tanstack/react-query',
        'zod',
        'msw/browser',
        // mocks/load-mock-api.ts loads it on its own before MSW: one copy, shared with MSW's.
        'tough-cookie',
      ],
    },
    preview: { port: 4173 },
    build: {
      target: 'es2022',
      sourcemap: true,
      rolldownOptions: {
        output: {
          // The comments and the moderation screens share these libraries; left to itself the
          // bundler cuts them into many small shared chunks, each a request and a little gzip
          // lost, on every reader's comment section. One chunk per library instead.
          codeSplitting: {
            // A group holds its own modules only, not React and the rest they import.
            includeDependenciesRecursively: false,
            groups: [
              // What the page loads up front stays one chunk, not cut into the pieces each lazy
              // part shares (React, the router, storage…), each a request and lost gzip.
              { name: 'app', tags: ['$initial'] },
              { name: 'tanstack-query', test: /node_modules[\\/]@tanstack[\\/]/ },
              // The demo's mock API, in the chunks mocks/load-mock-api.ts evaluates one at a time.
              {
                name: 'mock-cookies',
                test: /node_modules[\\/](tough-cookie|tldts|tldts-core)[\\/]/,
              },
              // The rules the mock shares with the server (no reader's page imports them).
              {
                name: 'mock-rules',
                test: /src[\\/]contract[\\/](comment|moderation)-rules\.ts$|zod[\\/]v4[\\/]locales[\\/]/,
              },
              {
                name: 'mock-data',
                test: /mocks[\\/](fixtures[\\/].*|(db|moderation-db|admin-articles-db|markdown-preview)\.ts$)/,
              },
              {
                name: 'mock-moderation-handlers',
                test: /mocks[\\/]handlers[\\/]moderation\.ts$/,
              },
              {
                name: 'msw',
                // MSW and what it alone imports (a dependency left out lands in a shared chunk that
                // imports MSW's back: a class then extends one not yet defined).
                test: /node_modules[\\/](msw|@mswjs|@open-draft|headers-polyfill|path-to-regexp|strict-event-emitter|outvariant|is-node-process|rettime|until-async|set-cookie-parser|cookie|statuses)[\\/]/,
              },
              {
                name: 'react-hook-form',
                test: /node_modules[\\/](react-hook-form|@hookform)[\\/]/,
              },
            ],
          },
        },
      },
    },
    test: {
      // Two test files at a time, on the two cores this runs on (Vitest's default is one fewer
      // than the cores, so one here). Much of a file's time is spent in other processes (the
      // browser, PostgreSQL, a CLI or a server it started), and the browser files still run one
      // after another (fileParallelism below). The suite took 11 minutes one at a time, 9 so.
      maxWorkers: 2,
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            environment: 'jsdom',
            include: ['tests/unit/**/*.test.{ts,tsx}'],
            setupFiles: ['tests/setup.ts'],
            // A flow test waits for several things a reader would see, each for up to 5 s
            // (tests/setup.ts): with the server suite on the same two cores, lazy chunks can take
            // seconds to load, and the whole test, not one wait, hit the default 5 s.
            testTimeout: 15_000,
            globals: true,
          },
        },
        // The server and the contract suite, on PGlite; again on PostgreSQL when there is one.
        ...(['pglite', 'postgres'] as const)
          .filter((engine) => engine === 'pglite' || process.env.TEST_DATABASE_URL)
          .map((engine) => ({
            extends: true as const,
            test: {
              name: engine === 'pglite' ? 'server' : 'server-pg',
              environment: 'node',
              include: ['server/**/*.test.ts', 'tests/contract/**/*.test.ts'],
              // The parsers and the mock do not touch the engine: once is enough.
              ...(engine === 'postgres'
                ? {
                    exclude: [
                      'server/import/converters.test.ts',
                      'tests/contract/mock.contract.test.ts',
                    ],
                  }
                : {}),
              globalSetup: ['server/test/global-setup.ts'],
              env: { TEST_ENGINE: engine },
              testTimeout: 20_000,
              hookTimeout: 60_000,
              globals: true,
            },
          })),
        {
          extends: true,
          test: {
            name: 'e2e',
            environment: 'node',
            include: ['tests/e2e/**/*.test.ts'],
            globalSetup: ['tests/e2e/global-setup.ts'],
            fileParallelism: false,
            testTimeout: 30_000,
            hookTimeout: 60_000,
            globals: true,
          },
        },
      ],
    },
  };
});
