// The editor screens on the real server (the build, `tsx server/main.ts`, a new embedded
// database with the samples and an editor account): an editor publishes an article from the app,
// and a reader in a browser of their own finds it on the front page and at its address; once
// unpublished it is a 404 for them. axe on the editor.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, BrowserContext } from 'playwright-core';
import { build } from 'vite';
import { openDatabase } from '../../server/db/client';
import { testPasswordCost } from '../../server/lib/passwords';
import { addModerator } from '../../server/routes/auth/moderator-store';
import { startServer, type ServerProcess } from '../../server/test/server-process';
import { axeViolations, launchBrowser } from './browser';

const editor = {
  name: 'Edna Editor',
  email: 'edna@example.test',
  password: 'a long and secret phrase',
  role: 'editor' as const,
};

async function buildLikeNpm(distDir: string, distServerDir: string) {
  // Vitest runs with NODE_ENV=test, which would make Vite build React's development bundle.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      mode: 'production',
      logLevel: 'warn',
      build: { outDir: distDir, emptyOutDir: true },
    });
    await build({
      mode: 'production',
      logLevel: 'warn',
      build: { ssr: 'src/entry-server.tsx', outDir: distServerDir, emptyOutDir: true },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  await promisify(execFile)(process.execPath, ['scripts/compress-assets.mjs', distDir]);
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

let work = '';
let buildDir = '';
let browser: Browser;
let server: ServerProcess | undefined;
let baseURL = '';

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'reader-editor-'));
  mkdirSync(join('node_modules', '.tmp'), { recursive: true });
  buildDir = mkdtempSync(join('node_modules', '.tmp', 'editor-build-'));
  const distDir = join(buildDir, 'dist');
  const distServerDir = join(buildDir, 'dist-server');
  const dataDir = join(work, 'data');
  const port = await freePort();
  baseURL = `http://127.0.0.1:${port}`;
  // The accounts, as `npm run moderator -- add` would make them (with a cheap hash: a test).
  const database = await openDatabase({ dataDir });
  await database.migrate();
  await addModerator(database.db, editor, testPasswordCost);
  await database.close();
  [browser] = await Promise.all([launchBrowser(), buildLikeNpm(distDir, distServerDir)]);
  server = await startServer({
    env: {
      PORT: String(port),
      PUBLIC_URL: baseURL,
      DATA_DIR: dataDir,
      DIST_DIR: distDir,
      DIST_SERVER_DIR: distServerDir,
      FLOOD_GUARD: 'off',
    },
    timeoutMs: 60_000,
  });
}, 240_000);
afterAll(async () => {
  await server?.stop('SIGKILL');
  await browser?.close();
  for (const dir of [work, buildDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

const contexts: BrowserContext[] = [];
afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

/** A browser of its own (storage, cookies), collecting console errors. */
async function newBrowser() {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('console', (message) => {
    // Expected: /moderate is served as the not-found page (404) that the app then renders, the
    // session check before signing in answers 401, and the reader's 404 for the draft.
    if (message.type() === 'error' && !/status of (404|401)/.test(message.text())) {
      errors.push(`${page.url()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

test('an editor publishes an article that a reader then sees; unpublished, it is a 404', async () => {
  const ed = await newBrowser();
  const page = ed.page;
  await page.goto('/moderate/articles');
  await page.getByRole('heading', { level: 1, name: 'Sign in to moderate' }).waitFor();
  await page.getByLabel('Email').fill(editor.email);
  await page.getByLabel('Password').fill(editor.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Articles' }).waitFor();
  await page.getByRole('link', { name: 'New article' }).click();
  await page.getByRole('heading', { level: 1, name: 'New article' }).waitFor();
  await page.getByLabel('Title').fill('Council votes on the budget');
  await page.getByLabel('Description').fill('The vote came late at night.');
  await page.getByLabel('Slug').fill('council-votes-on-budget');
  await page
    .getByLabel('Text (Markdown)')
    .fill('## The vote\n\nIt *passed* at midnight, by one vote.');
  const preview = page.getByRole('region', { name: 'Preview' });
  await preview.getByRole('heading', { level: 2, name: 'The vote' }).waitFor();
  expect(await axeViolations(page)).toEqual([]);

  const reader = await newBrowser();
  expect((await reader.page.goto('/articles/council-votes-on-budget'))?.status()).toBe(404);

  await page.getByRole('button', { name: 'Publish now' }).click();
  await page.getByRole('heading', { level: 1, name: 'Edit article' }).waitFor();
  await page.getByText('Published', { exact: true }).waitFor();

  await reader.page.goto('/');
  await reader.page.getByRole('link', { name: 'Council votes on the budget' }).first().click();
  await reader.page
    .getByRole('heading', { level: 1, name: 'Council votes on the budget' })
    .waitFor();
  await reader.page.getByText('by one vote.').waitFor();

  await page.getByRole('button', { name: 'Unpublish' }).click();
  await page.getByText('Draft', { exact: true }).waitFor();
  expect((await reader.page.goto('/articles/council-votes-on-budget'))?.status()).toBe(404);
  await reader.page.goto('/');
  expect(await reader.page.getByRole('link', { name: 'Council votes on the budget' }).count()).toBe(
    0,
  );
  expect([...ed.errors, ...reader.errors]).toEqual([]);
}, 120_000);
