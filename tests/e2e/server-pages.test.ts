import type { Browser } from 'playwright-core';
import { launchBrowser, phone, scrollToComments } from './browser';
import { startRealServer, type RealServer } from './real-server';

const seedPath = '/articles/putin-meets-china-defense-minister-in-moscow';

let server: RealServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startRealServer(), launchBrowser()]);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the real server’s pages', () => {
  it('shows the comments with JavaScript off, in the HTML and its JSON-LD', async () => {
    const context = await browser.newContext({ ...phone, javaScriptEnabled: false });
    const page = await context.newPage();
    const response = await page.goto(`${server.url}${seedPath}`);
    expect(response?.status()).toBe(200);
    const heading = page.getByRole('heading', { level: 2, name: /5 thoughts on “Putin meets/ });
    await heading.scrollIntoViewIfNeeded();
    expect(await heading.isVisible()).toBe(true);
    const comment = page.getByRole('article', { name: 'Sam Whitaker' });
    expect(await comment.isVisible()).toBe(true);
    expect(await comment.textContent()).toContain('Does anyone know where the full Kremlin');
    // Replies are nested in their thread, as with JavaScript.
    expect(await page.locator('.comment-list--children .comment').count()).toBeGreaterThan(0);
    const jsonLd = JSON.parse(
      (await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}',
    ) as { commentCount: number; comment: { '@type': string; author: { name: string } }[] };
    expect(jsonLd.commentCount).toBe(5);
    expect(jsonLd.comment.map((c) => c.author.name)).toContain('Sam Whitaker');
    await context.close();
  });

  it('hydrates the server’s comments in place, without asking for page 1 again', async () => {
    const context = await browser.newContext(phone);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    const listRequests: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      // The check for newer comments asks for one; page 1 would be 50 threads.
      if (url.pathname.endsWith('/comments') && url.searchParams.get('limit') !== '1') {
        listRequests.push(url.search);
      }
    });
    // The first comment's element as the HTML made it, before any script of the page ran.
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        Object.assign(window, { serverComment: document.querySelector('.comment') });
      });
    });
    await page.goto(`${server.url}${seedPath}`);
    await scrollToComments(page);
    // Hydrated: Reply works, and opens the reply form for that comment.
    await page.getByRole('button', { name: 'Reply to Sam Whitaker' }).click();
    await page
      .getByRole('heading', { name: 'Leave a Reply to Sam Whitaker' })
      .waitFor({ timeout: 10_000 });
    // Not rendered anew: the server's element is the one on screen, so nothing flashed.
    expect(
      await page.evaluate(() => {
        const { serverComment } = window as unknown as { serverComment: Element | null };
        return serverComment !== null && serverComment === document.querySelector('.comment');
      }),
    ).toBe(true);
    expect(listRequests).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
