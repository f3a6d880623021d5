// The moderation screens on the real server (`npm start`'s build and `tsx server/main.ts` on a
// new embedded database with the samples and a moderator): a held comment approved and seen by
// another browser, spam taken down for everyone, the sign-in lockout, a cross-site change
// refused, and axe on every screen in light and dark.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { openDatabase } from '../../server/db/client';
import { testPasswordCost } from '../../server/lib/passwords';
import { addModerator } from '../../server/routes/auth/moderator-store';
import { startServer, type ServerProcess } from '../../server/test/server-process';
import { freePort, productionBuild } from './production-build';
import {
  axeViolations,
  horizontalOverflow,
  launchBrowser,
  scrollToComments,
  waitForCommentsHydrated,
} from './browser';

const articlePath = '/articles/putin-meets-china-defense-minister-in-moscow';
const moderator = {
  name: 'Maria Moderator',
  email: 'maria@example.test',
  password: 'a long and secret phrase',
};
const other = { name: 'Otto Other', email: 'otto@example.test', password: 'another secret phrase' };

let work = '';
let browser: Browser;
let server: ServerProcess | undefined;
let baseURL = '';

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'reader-moderation-'));
  const dataDir = join(work, 'data');
  const port = await freePort();
  baseURL = `http://127.0.0.1:${port}`;
  // The accounts, as `npm run moderator -- add` would make them (with a cheap hash: a test).
  const database = await openDatabase({ dataDir });
  await database.migrate();
  for (const account of [moderator, other])
    await addModerator(database.db, account, testPasswordCost);
  await database.close();
  const [launched, { distDir, distServerDir }] = await Promise.all([
    launchBrowser(),
    productionBuild(),
  ]);
  browser = launched;
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
  if (work) rmSync(work, { recursive: true, force: true });
});

const contexts: BrowserContext[] = [];
afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

/** A browser of its own (storage, cookies), collecting console errors. */
async function newBrowser(theme?: 'light' | 'dark', viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ baseURL, viewport });
  contexts.push(context);
  if (theme) {
    await context.addInitScript((chosen) => {
      localStorage.setItem('reader:theme', JSON.stringify(chosen));
    }, theme);
  }
  const page = await context.newPage();
  // Shorter than the test's own limit, so a wait that fails says what it waited for.
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('console', (message) => {
    // Expected: the session check before signing in answers 401. Anything else is a failure.
    const text = message.text();
    if (message.type() === 'error' && !/status of 401/.test(text)) {
      errors.push(`${page.url()}: ${text}`);
    }
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

async function signIn(page: Page, account = moderator) {
  await page.goto('/moderate');
  await page.getByRole('heading', { level: 1, name: 'Sign in to moderate' }).waitFor();
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Comments' }).waitFor();
}

async function openComments(page: Page) {
  await page.goto(articlePath);
  await scrollToComments(page);
  await page.getByRole('heading', { level: 2, name: /thoughts on/ }).waitFor();
  await waitForCommentsHydrated(page);
}

async function postComment(page: Page, text: string, name: string) {
  await openComments(page);
  await page.getByRole('textbox', { name: 'Comment', exact: true }).fill(text);
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
  await page
    .getByRole('textbox', { name: 'Email', exact: true })
    .fill(`${name.split(' ')[0]?.toLowerCase()}@example.com`);
  await page.getByRole('button', { name: 'Post Comment' }).click();
}

test('a held comment, approved in the queue, appears to a reader in another browser', async () => {
  const id = crypto.randomUUID();
  const text = `Held ${id}: https://one.example/a and https://two.example/b`;
  const writer = await newBrowser();
  await postComment(writer.page, text, 'Hilda Held');
  await writer.page.getByText('Your comment is awaiting moderation.').first().waitFor();

  const mod = await newBrowser();
  await signIn(mod.page);
  const item = mod.page.locator('article.queue-item', { hasText: id });
  await item.waitFor();
  // Why it was held, and the links marked (as text, not as links).
  await item.getByText('Held for:').waitFor();
  expect(await item.locator('mark.queue-link').allTextContents()).toEqual([
    'link: https://one.example/a',
    'link: https://two.example/b',
  ]);
  expect(await item.locator('.queue-item__text a').count()).toBe(0);
  await item.getByRole('button', { name: 'Approve' }).click();
  await mod.page
    .getByRole('status')
    .filter({ hasText: 'The comment by Hilda Held was approved.' })
    .waitFor();
  await mod.page.getByRole('button', { name: 'Undo' }).waitFor();
  await item.waitFor({ state: 'detached' });

  const reader = await newBrowser();
  await openComments(reader.page);
  await reader.page.locator('li.comment', { hasText: id }).waitFor();
  for (const { errors } of [writer, mod, reader]) expect(errors).toEqual([]);
}, 90_000);

test('a published comment marked as spam is gone for every reader, and Undo brings it back', async () => {
  const text = `Buy cheap watches ${crypto.randomUUID()}`;
  const writer = await newBrowser();
  await postComment(writer.page, text, 'Sam Spammer');
  await writer.page.getByText('Your comment was posted.').waitFor();

  const mod = await newBrowser();
  await signIn(mod.page);
  await mod.page.getByRole('link', { name: /^Approved/ }).click();
  await mod.page.getByRole('searchbox', { name: 'Search' }).fill(text);
  await mod.page.getByRole('button', { name: 'Search' }).click();
  const item = mod.page.locator('article.queue-item', { hasText: text });
  await item.getByRole('button', { name: 'Spam' }).click();
  await mod.page.getByRole('status').filter({ hasText: 'was marked as spam' }).waitFor();

  const reader = await newBrowser();
  await openComments(reader.page);
  expect(await reader.page.locator('li.comment', { hasText: text }).count()).toBe(0);
  expect(await reader.page.content()).not.toContain(text);

  // Undo within the few seconds it is offered: published again.
  await mod.page.getByRole('button', { name: 'Undo' }).click();
  await mod.page.getByRole('status').filter({ hasText: 'Undone.' }).waitFor();
  await openComments(reader.page);
  await reader.page.locator('li.comment', { hasText: text }).waitFor();
  for (const { errors } of [writer, mod, reader]) expect(errors).toEqual([]);
}, 90_000);

test('a change from another site is refused, even with the moderator’s session', async () => {
  const mod = await newBrowser();
  await signIn(mod.page);
  // The context's own cookie jar: the signed-in session rides along, as it would on a forged post.
  const forged = await mod.context.request.post('/api/moderation/comments/actions', {
    headers: {
      Origin: 'https://evil.example',
      'Sec-Fetch-Site': 'cross-site',
      'X-Moderation-Request': '1',
      'Content-Type': 'application/json',
    },
    data: { action: 'trash', ids: ['1'] },
  });
  expect(forged.status()).toBe(403);
  const withoutHeader = await mod.context.request.post('/api/moderation/comments/actions', {
    headers: { 'Sec-Fetch-Site': 'same-origin', 'Content-Type': 'application/json' },
    data: { action: 'trash', ids: ['1'] },
  });
  expect(withoutHeader.status()).toBe(403);
  // And the app's own request, from its page, is accepted.
  const own = await mod.page.evaluate(async () => {
    const response = await fetch('/api/moderation/me');
    return response.status;
  });
  expect(own).toBe(200);
});

test('every moderation screen has no axe violations, light and dark, phone and desktop', async () => {
  for (const theme of ['light', 'dark'] as const) {
    const { page, errors } = await newBrowser(theme);
    await page.goto('/moderate');
    await page.getByRole('heading', { level: 1, name: 'Sign in to moderate' }).waitFor();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Enter the email address of your moderator account.').waitFor();
    expect(await axeViolations(page), `sign-in, ${theme}`).toEqual([]);

    await signIn(page);
    await page.locator('article.queue-item, .queue__empty').first().waitFor();
    expect(await axeViolations(page), `queue, ${theme}`).toEqual([]);
    for (const [link, heading] of [
      ['Approved', 'Comments'],
      ['Settings', 'Settings'],
      ['Audit log', 'Audit log'],
      ['Privacy requests', 'Privacy requests'],
    ] as const) {
      await page
        .getByRole('link', { name: new RegExp(`^${link}`) })
        .first()
        .click();
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.locator('.moderation-loading').waitFor({ state: 'detached' });
      expect(await axeViolations(page), `${link}, ${theme}`).toEqual([]);
    }
    await page.getByLabel('Email address').fill('wanda.writer@example.com');
    await page.getByRole('button', { name: 'Find comments' }).click();
    await page.getByRole('heading', { level: 2, name: /comments? by/ }).waitFor();
    expect(await axeViolations(page), `privacy results, ${theme}`).toEqual([]);
    expect(errors).toEqual([]);
  }
  // A phone: the sign-in page and the queue, without a horizontal scroll.
  const { page, errors } = await newBrowser('dark', { width: 390, height: 844 });
  await page.goto('/moderate');
  await page.getByRole('heading', { level: 1, name: 'Sign in to moderate' }).waitFor();
  expect(await axeViolations(page), 'sign-in, phone').toEqual([]);
  await signIn(page);
  await page.locator('article.queue-item, .queue__empty').first().waitFor();
  expect(await axeViolations(page), 'queue, phone').toEqual([]);
  expect(await horizontalOverflow(page)).toBe(0);
  expect(errors).toEqual([]);
}, 150_000);

test('repeated wrong passwords lock the sign-in, and the message says until when', async () => {
  const { page } = await newBrowser();
  await page.goto('/moderate');
  await page.getByLabel('Email').fill(other.email);
  let message = '';
  for (let attempt = 1; attempt <= 8 && !/locked/.test(message); attempt += 1) {
    await page.getByLabel('Password').fill(`wrong guess ${attempt}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert');
    await alert.filter({ hasText: /not right|locked/ }).waitFor();
    message = (await alert.textContent()) ?? '';
    // The next attempt waits for this one's answer (the button says "Signing in…" meanwhile).
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
  }
  expect(message).toMatch(/Sign-in is locked until \d{1,2}:\d\d.*\(in \d+ (seconds|minutes?)\)/);
  // The right password does not get in while it is locked.
  await page.getByLabel('Password').fill(other.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page
    .getByRole('alert')
    .filter({ hasText: /locked/ })
    .waitFor();
  expect(await page.getByRole('heading', { level: 1, name: 'Sign in to moderate' }).count()).toBe(
    1,
  );
});
