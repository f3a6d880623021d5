import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin, type ResolvedConfig } from 'vite';
import { fillTemplate, type PrerenderedPage } from './prerender-template.ts';

type PrerenderSite = (apiOrigin: string) => Promise<PrerenderedPage[]>;

/**
 * The prerendered page shows without JavaScript, so the app's code must not take bandwidth from
 * what the reader sees first (the text, the lead picture): instead of the module script (and its
 * preloads), which the browser would fetch at once, an inline script starts it once the page
 * has loaded and painted. The reader can read meanwhile; the controls work once it has hydrated.
 */
function deferredEntry(template: string): { tags: string[]; starter: string; hash: string } {
  const entry = template.match(
    /<script type="module" crossorigin src="(\/assets\/[^"]+\.js)"><\/script>/,
  );
  if (!entry?.[1]) throw new Error('No module entry script in index.html');
  const preloads = template.match(/<link rel="modulepreload"[^>]*>/g) ?? [];
  // After the load event and the frame after it (a load can come before the first paint); at
  // once in a background tab, which paints no frames; and after 3 s whatever happens, so a
  // picture that never finishes loading cannot keep the page from working.
  const starter =
    '(function(){var started=false;function go(){if(started)return;started=true;' +
    "var s=document.createElement('script');" +
    `s.type='module';s.crossOrigin='';s.src=${JSON.stringify(entry[1])};` +
    'document.head.appendChild(s)}' +
    "addEventListener('load',function(){" +
    'document.hidden?go():requestAnimationFrame(function(){setTimeout(go)})},{once:true});' +
    'setTimeout(go,3000)})()';
  return {
    tags: [entry[0], ...preloads],
    starter,
    hash: createHash('sha256').update(starter).digest('base64'),
  };
}

/** Adds a hash source to one directive of the CSP meta (Vite writes its quotes as &#39;). */
function allowInCsp(html: string, directive: 'script-src' | 'style-src', hash: string): string {
  const result = html.replace(
    new RegExp(`${directive} (&#39;|')self\\1`),
    (match, quote: string) => `${match} ${quote}sha256-${hash}${quote}`,
  );
  if (!result.includes(hash)) throw new Error(`No ${directive} in the CSP to add the hash to`);
  return result;
}

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

function writePages(outDir: string, pages: PrerenderedPage[]) {
  const template = readFileSync(join(outDir, 'index.html'), 'utf8');
  const link = template.match(/<link rel="stylesheet"[^>]*href="(\/assets\/[^"]+\.css)"[^>]*>/);
  const inlineCss = link?.[1]
    ? { link: link[0], css: readFileSync(join(outDir, link[1].slice(1)), 'utf8').trim() }
    : null;
  const entry = deferredEntry(template);
  let html = allowInCsp(template, 'script-src', entry.hash);
  if (inlineCss) {
    if (/<\/style/i.test(inlineCss.css)) throw new Error('The stylesheet cannot be inlined');
    html = allowInCsp(
      html,
      'style-src',
      createHash('sha256').update(inlineCss.css).digest('base64'),
    );
  }
  for (const page of pages) {
    const file =
      page.path === '/' ? join(outDir, 'index.html') : join(outDir, `${page.path.slice(1)}.html`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, fillTemplate(html, page, inlineCss, entry));
  }
}
