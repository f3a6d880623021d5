import { mkdtempSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { launchBrowser } from './browser';

const outRoot = mkdtempSync(join(tmpdir(), 'reader-build-'));
const prodDir = join(outRoot, 'prod');
const demoDir = join(outRoot, 'demo');

function cspOf(html: string): string {
  const match = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/);
  if (!match?.[1]) throw new Error('index.html carries no Content-Security-Policy');
  return match[1].replaceAll('&#39;', "'");
}

let browser: Browser;
let server: PreviewServer;
beforeAll(async () => {
  // Vitest runs with NODE_ENV=test, which would make Vite build React's development bundle.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  await build({
    mode: 'production',
    logLevel: 'warn',
    build: { outDir: prodDir, emptyOutDir: true },
  });
  await build({ mode: 'demo', logLevel: 'warn', build: { outDir: demoDir, emptyOutDir: true } });
  process.env.NODE_ENV = nodeEnv;
  server = await preview({
    mode: 'demo',
    logLevel: 'warn',
    build: { outDir: demoDir },
    preview: { port: 0 },
  });
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the built app', () => {
  it('leaves the mock API, its scenarios and its panel out of the production build', () => {
    expect(existsSync(join(prodDir, 'mockServiceWorker.js'))).toBe(false);
    expect(existsSync(join(prodDir, 'media'))).toBe(false);
    const js = readdirSync(join(prodDir, 'assets'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(prodDir, 'assets', f), 'utf8'))
      .join('\n');
    // The worker, the handlers, the scenarios and the dev panel are all absent.
    const mockTraces = js.match(
      /mockServiceWorker|setupWorker|Duplicate comment detected|mock-panel|Mock API|fails as a network error|[`'"]rate-limit[`'"]/g,
    );
    expect(mockTraces).toBeNull();
    const css = readdirSync(join(prodDir, 'assets'))
      .filter((f) => f.endsWith('.css'))
      .map((f) => readFileSync(join(prodDir, 'assets', f), 'utf8'))
      .join('\n');
    expect(css).not.toMatch(/mock-panel/);
    expect(existsSync(join(demoDir, 'mockServiceWorker.js'))).toBe(true);
  });

  it('ships a Content-Security-Policy without inline script or eval', () => {
    const csp = cspOf(readFileSync(join(prodDir, 'index.html'), 'utf8'));
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    const html = readFileSync(join(prodDir, 'index.html'), 'utf8');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('runs the demo build, worker included, with no CSP violation', async () => {
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('the preview server reported no address');
    const context = await browser.newContext({ baseURL: url });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    await page.goto('/');
    await page
      .getByRole('link', { name: 'Putin meets with China’s defense minister in Moscow' })
      .click();
    await page.getByRole('heading', { level: 2, name: /thoughts on/ }).waitFor();
    await page.getByRole('button', { name: /^Play video/ }).click();
    await page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 0.2);
    await page.keyboard.press('Escape');
    await page
      .getByRole('textbox', { name: 'Comment', exact: true })
      .fill('Posted under a strict CSP.');
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Csp Tester');
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill('csp@example.com');
    await page.getByRole('button', { name: 'Post Comment' }).click();
    await page.getByText('Your comment was posted.').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
