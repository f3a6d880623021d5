import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { chromePath, chromiumArgs } from '../../scripts/chromium.mjs';

export const baseURL = inject('baseURL');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromePath,
    args: [...chromiumArgs],
  });
}

/** One Chromium per test file: launched before its tests, closed after them. */
export function sharedChromium(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium is not running: call this inside a test');
    return browser;
  };
}

export const phone = { viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true };
export const desktop = { viewport: { width: 1280, height: 800 } };

/**
 * A fresh context and page (new storage, new service worker registration), collecting every
 * console error and uncaught exception so a test can assert that none happened.
 */
export async function openPage(browser: Browser, options: BrowserContextOptions = desktop) {
  const context = await browser.newContext({ baseURL, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} @ ${message.location().url}`);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

/**
 * Scrolls down to the comments, as a reader would: they load as the reader nears them (the
 * placeholder's heading is "Comments"; the loaded section's says how many there are). Found and
 * scrolled in one step in the page: React may swap the placeholder for the section at any time.
 */
export async function scrollToComments(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const heading = [...document.querySelectorAll('h2')].find((h) =>
      /^Comments$|thoughts on/.test(h.textContent ?? ''),
    );
    heading?.scrollIntoView({ block: 'center' });
    return heading !== undefined;
  });
}

export async function axeViolations(page: Page): Promise<string[]> {
  // Plus label-in-name (WCAG 2.5.3), which axe ships as experimental and Lighthouse runs.
  const results = await new AxeBuilder({ page })
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/**
 * Waits until the comment section has hydrated: a server-rendered page shows its times in UTC
 * and its form posts as a plain HTML form until then (which works, by a page load); once the
 * app runs, the times are the reader's own and the form is the enhanced one.
 */
export async function waitForCommentsHydrated(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const time = document.querySelector('.comment time');
    return time !== null && !time.textContent?.endsWith('UTC');
  });
}

/**
 * Waits until React handles the top comment form. A server-rendered form is a plain HTML form
 * until its code arrives (posting it then is a page load, or a 404 on the static demo).
 */
export async function waitForFormEnhanced(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const field = document.querySelector('.comment-respond textarea');
    return field !== null && Object.keys(field).some((key) => key.startsWith('__reactProps'));
  });
}
