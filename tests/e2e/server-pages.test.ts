import type { Browser } from 'playwright-core';
import {
  launchBrowser,
  phone,
  scrollToComments,
  waitForCommentsHydrated,
  waitForFormEnhanced,
} from './browser';
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

  it('posts a comment with JavaScript off, and keeps every word when a field is wrong', async () => {
    const context = await browser.newContext({ ...phone, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}${seedPath}`);
    const form = page.getByRole('region', { name: 'Leave a Reply' });
    const words = 'Read without a script, and answered without one too.';
    await form.getByRole('textbox', { name: 'Comment', exact: true }).fill(words);
    await form.getByRole('textbox', { name: 'Name', exact: true }).fill('Noor Script');
    await form.getByRole('textbox', { name: 'Email', exact: true }).fill('noor@example');
    await form.getByRole('button', { name: 'Post Comment' }).click();
    // Refused: the article again, the error beside the field, the words as typed.
    await page.getByText('Your comment wasn’t posted: check the Email field.').waitFor();
    expect(await form.getByRole('textbox', { name: 'Comment', exact: true }).inputValue()).toBe(
      words,
    );
    expect(await form.getByRole('textbox', { name: 'Name', exact: true }).inputValue()).toBe(
      'Noor Script',
    );
    expect(
      await form.getByRole('textbox', { name: 'Email', exact: true }).getAttribute('aria-invalid'),
    ).toBe('true');
    await form.getByRole('textbox', { name: 'Email', exact: true }).fill('noor@example.com');
    await form.getByRole('button', { name: 'Post Comment' }).click();
    // Post/redirect/get: the article at the new comment's permalink, the comment on it.
    await page.waitForURL(/#comment-\d+$/);
    const id = new URL(page.url()).hash.slice(1);
    const comment = page.locator(`#${id}`);
    expect(await comment.textContent()).toContain(words);
    expect(await comment.isVisible()).toBe(true);
    expect(await page.getByRole('heading', { level: 2, name: /6 thoughts on/ }).isVisible()).toBe(
      true,
    );
    await context.close();
  });

  it('hydrates the server’s comments in place, without asking for page 1 again, and posts in place', async () => {
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
    // Hydrated once the times are the reader's own (the server's say "UTC"); Reply works then.
    await waitForCommentsHydrated(page);
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
    // The same form, enhanced: posted as JSON and shown in place, with no page load.
    const reply = page.getByRole('region', { name: 'Leave a Reply to Sam Whitaker' });
    await reply.getByRole('textbox', { name: 'Comment', exact: true }).fill('In place, please.');
    await reply.getByRole('textbox', { name: 'Name', exact: true }).fill('Ines Hydrated');
    await reply.getByRole('textbox', { name: 'Email', exact: true }).fill('ines@example.com');
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => navigations.push(frame.url()));
    const posted = page.waitForResponse(
      (response) => response.request().method() === 'POST' && response.status() === 201,
    );
    await reply.getByRole('button', { name: 'Post Comment' }).click();
    expect(new URL((await posted).url()).pathname).toMatch(/^\/api\/articles\//);
    await page.getByRole('article', { name: 'Ines Hydrated' }).waitFor();
    expect(navigations).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps the server’s form, and words typed into it early, while the comments hydrate', async () => {
    const context = await browser.newContext(phone);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        Object.assign(window, { serverField: document.querySelector('.comment-respond textarea') });
      });
    });
    const formCode: string[] = [];
    page.on('request', (request) => {
      if (/\/comment-form-[^/]*\.js$/.test(request.url())) formCode.push(request.url());
    });
    const sameField = () =>
      page.evaluate(() => {
        const { serverField } = window as unknown as { serverField: Element | null };
        return (
          serverField !== null &&
          serverField === document.querySelector('.comment-respond textarea')
        );
      });
    await page.goto(`${server.url}${seedPath}`);
    // The comments hydrate as the reader reaches them; the form, further down, stays the
    // server's (no code for it yet), however the section above it re-renders.
    await page.evaluate(() =>
      document.querySelector('.comment')?.scrollIntoView({ block: 'start' }),
    );
    await waitForCommentsHydrated(page);
    expect(await sameField()).toBe(true);
    // Typing into it fetches its code; the words stay as the same field comes alive.
    const field = page.getByRole('textbox', { name: 'Comment', exact: true });
    await field.click();
    await page.keyboard.type('Typed before the form’s code came.');
    await waitForFormEnhanced(page);
    expect(formCode).toHaveLength(1);
    expect(await sameField()).toBe(true);
    expect(await field.inputValue()).toBe('Typed before the form’s code came.');
    expect(errors).toEqual([]);
    await context.close();
  });
});
