// The production build on the real server, as `npm start` runs it (`tsx server/main.ts` on a
// new embedded database): what one reader posts, another reader sees, before and after a restart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startServer, type ServerProcess } from '../../server/test/server-process';
import { freePort, productionBuild } from './production-build';
import { launchBrowser, scrollToComments, waitForCommentsHydrated } from './browser';

const articlePath = '/articles/putin-meets-china-defense-minister-in-moscow';

let work = '';
let browser: Browser;
let server: ServerProcess | undefined;
let env: Record<string, string>;
let baseURL = '';

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'reader-real-server-'));
  const [launched, { distDir, distServerDir }] = await Promise.all([
    launchBrowser(),
    productionBuild(),
  ]);
  browser = launched;
  const port = await freePort();
  baseURL = `http://127.0.0.1:${port}`;
  env = {
    PORT: String(port),
    PUBLIC_URL: baseURL,
    // Not there yet: the server makes it, migrates it and adds the samples, as on a first start.
    DATA_DIR: join(work, 'data'),
    DIST_DIR: distDir,
    DIST_SERVER_DIR: distServerDir,
  };
  server = await startServer({ env, timeoutMs: 60_000 });
}, 180_000);
afterAll(async () => {
  await server?.stop('SIGKILL');
  await browser?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** A reader of their own: a new context has its own storage, so nothing is shared but the server. */
async function newReader() {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

async function openComments(page: Page) {
  await page.goto(articlePath);
  await scrollToComments(page);
  await page.getByRole('heading', { level: 2, name: /thoughts on/ }).waitFor();
  // Typed into before then, the form would post as plain HTML (a page load): this test is of
  // the app's own posting.
  await waitForCommentsHydrated(page);
}

test('a comment posted in one browser appears in another, and again after a server restart', async () => {
  const comment = `Seen from another browser, ${crypto.randomUUID()}.`;
  const writer = await newReader();
  await openComments(writer.page);
  await writer.page.getByRole('textbox', { name: 'Comment', exact: true }).fill(comment);
  await writer.page.getByRole('textbox', { name: 'Name', exact: true }).fill('Wanda Writer');
  await writer.page
    .getByRole('textbox', { name: 'Email', exact: true })
    .fill('wanda.writer@example.com');
  await writer.page.getByRole('button', { name: 'Post Comment' }).click();
  await writer.page.getByText('Your comment was posted.').waitFor();

  const reader = await newReader();
  await openComments(reader.page);
  await reader.page.locator('li.comment', { hasText: comment }).waitFor();

  expect(await server?.stop('SIGTERM')).toEqual({ code: 0, signal: null });
  server = await startServer({ env });

  const later = await newReader();
  await openComments(later.page);
  await later.page.locator('li.comment', { hasText: comment }).waitFor();
  // The first reader's tab, reloaded, still shows it too.
  await reader.page.reload();
  await scrollToComments(reader.page);
  await reader.page.locator('li.comment', { hasText: comment }).waitFor();

  for (const { errors, context } of [writer, reader, later]) {
    expect(errors).toEqual([]);
    await context.close();
  }
});
