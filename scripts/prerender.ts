import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin, type ResolvedConfig } from 'vite';
import { createPageTemplate, type RenderedPage } from '../server/pages/page-template.ts';

type PrerenderSite = (apiOrigin: string) => Promise<RenderedPage[]>;

/**
 * Prerenders the front page and every article at build time (src/entry-server.tsx), when the
 * mock API is on: the data then comes from the same handlers, run in msw/node. A build against
 * a real backend is left a client-rendered app (prerendering it would be a build-time fetch of
 * that backend, which a build here cannot assume it reaches).
 *
 * The page's stylesheet is inlined (one request fewer before first paint: it is about 5 KB
 * gzip), and the CSP's style-src gets that <style>'s sha256 hash rather than 'unsafe-inline'.
 */
export function prerender(enabled: boolean): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'prerender',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    async closeBundle() {
      if (!enabled || config.build.ssr) return;
      const root = config.root;
      const outDir = resolve(root, config.build.outDir);
      // Inside the project, so the server bundle's imports (react, msw/node …) resolve to its
      // node_modules.
      mkdirSync(join(root, 'node_modules/.tmp'), { recursive: true });
      const ssrDir = mkdtempSync(join(root, 'node_modules/.tmp/prerender-'));
      try {
        await build({
          root,
          mode: config.mode,
          configFile: config.configFile,
          logLevel: 'warn',
          build: {
            ssr: true,
            outDir: ssrDir,
            emptyOutDir: true,
            sourcemap: false,
            minify: false,
            rollupOptions: {
              input: {
                'entry-server': resolve(root, 'src/entry-server.tsx'),
                'mock-server': resolve(root, 'mocks/node.ts'),
              },
              output: { entryFileNames: '[name].mjs' },
            },
          },
        });
        const { server } = (await import(pathToFileURL(join(ssrDir, 'mock-server.mjs')).href)) as {
          server: { listen(options: object): void; close(): void };
        };
        server.listen({ onUnhandledRequest: 'error' });
        try {
          const { prerenderSite } = (await import(
            pathToFileURL(join(ssrDir, 'entry-server.mjs')).href
          )) as { prerenderSite: PrerenderSite };
          // Any origin: msw/node answers */api/* whatever the host.
          const pages = await prerenderSite('http://prerender.invalid');
          writePages(outDir, pages);
        } finally {
          server.close();
        }
      } finally {
        rmSync(ssrDir, { recursive: true, force: true });
      }
    },
  };
}

function writePages(outDir: string, pages: RenderedPage[]) {
  const template = createPageTemplate(
    readFileSync(join(outDir, 'index.html'), 'utf8'),
    (href) => readFileSync(join(outDir, href.slice(1)), 'utf8'),
    'meta',
  );
  for (const page of pages) {
    const file =
      page.path === '/' ? join(outDir, 'index.html') : join(outDir, `${page.path.slice(1)}.html`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, template.fill(page));
  }
}
