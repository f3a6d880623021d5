import type { Page } from 'playwright-core';
import { axeViolations, openPage, phone, scrollToComments, sharedChromium } from './browser';

const articlePath = '/articles/putin-meets-china-defense-minister-in-moscow';

const chromium = sharedChromium();

async function openComments(page: Page, path = articlePath) {
  await page.goto(path);
  await scrollToComments(page);
  await page.getByRole('heading', { level: 2, name: /thoughts on/ }).waitFor();
}

async function fill(
  page: Page,
  values: { comment: string; name: string; email: string; website?: string },
) {
  await page.getByRole('textbox', { name: 'Comment', exact: true }).fill(values.comment);
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(values.name);
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(values.email);
  if (values.website)
    await page.getByRole('textbox', { name: 'Website', exact: true }).fill(values.website);
}

describe('commenting in Chromium', () => {
  it('posts a comment and a reply that are still there after a reload, and never receives an email', async () => {
    const { page, context, errors } = await openPage(chromium());
    const apiBodies: string[] = [];
    context.on('response', (response) => {
      if (new URL(response.url()).pathname.startsWith('/api/')) {
        response.text().then(
          (body) => apiBodies.push(body),
          () => {},
        );
      }
    });
    await openComments(page);
    await fill(page, {
      comment: 'Posted from Chromium.',
      name: 'Ada Browser',
      email: 'ada.browser@example.com',
      website: 'https://ada.example.org',
    });
    await page.getByRole('button', { name: 'Post Comment' }).click();
    await page.getByText('Your comment was posted.').waitFor();
    await page.getByRole('heading', { level: 2, name: /^6 thoughts on/ }).waitFor();

    await page.getByRole('button', { name: 'Reply to Ada Browser' }).click();
    await page.getByRole('heading', { level: 3, name: 'Leave a Reply to Ada Browser' }).waitFor();
    await page
      .getByRole('textbox', { name: 'Comment', exact: true })
      .fill('A reply, from another reader.');
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Ben Browser');
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill('ben.browser@example.com');
    await page.getByRole('button', { name: 'Post Comment' }).click();
    await page.getByRole('heading', { level: 2, name: /^7 thoughts on/ }).waitFor();

    await page.reload();
    await page.getByRole('heading', { level: 2, name: /^7 thoughts on/ }).waitFor();
    const parent = page.locator('li.comment', { hasText: 'Posted from Chromium.' }).last();
    await parent.locator('ol li', { hasText: 'A reply, from another reader.' }).waitFor();
    expect(await parent.getByRole('link', { name: 'Ada Browser' }).getAttribute('rel')).toBe(
      'nofollow ugc noopener',
    );

    expect(apiBodies.length).toBeGreaterThan(3);
    for (const body of apiBodies) expect(body).not.toMatch(/@/);
    const pageText = await page.evaluate(() => document.body.innerText);
    expect(pageText).not.toContain('@example.com');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('has no axe violations while errors are showing, or while replying, on a phone', async () => {
    const { page, context } = await openPage(chromium(), phone);
    await openComments(page);
    await page.getByRole('button', { name: 'Post Comment' }).click();
    await page.getByText('Please type your comment text.').waitFor();
    expect(
      await page
        .getByRole('textbox', { name: 'Comment', exact: true })
        .evaluate((el) => el === document.activeElement),
    ).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Reply to Daniel Okafor' }).click();
    await page.getByRole('heading', { name: 'Leave a Reply to Daniel Okafor' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBe(0);
    await context.close();
  });

  it('fetches the comments only as the reader nears them, ready before they arrive', async () => {
    const { page, context } = await openPage(chromium(), phone);
    const commentRequests: string[] = [];
    page.on('request', (request) => {
      if (/\/api\/.*\/comments/.test(request.url())) commentRequests.push(request.url());
    });
    await page.goto(articlePath);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    // Most readers stop before the comments: theirs costs no comment data, code or worker.
    expect(commentRequests).toEqual([]);
    // Nothing loads, so nothing says it does: the reader may ask for the comments at once.
    await page.getByRole('button', { name: 'Show comments' }).waitFor({ state: 'attached' });
    expect(await page.getByText('Loading comments…').count()).toBe(0);

    // Two screens before the section, it loads, so the reader arrives to the form, not a wait.
    const section = page.getByRole('heading', { level: 2, name: 'Comments', exact: true });
    await page.evaluate(
      (top) => window.scrollTo(0, top - 2 * window.innerHeight),
      await section.evaluate((heading) => heading.getBoundingClientRect().top + window.scrollY),
    );
    await page.getByRole('heading', { level: 2, name: /^5 thoughts on/ }).waitFor();
    await page.getByRole('textbox', { name: 'Comment', exact: true }).waitFor();
    expect(commentRequests.length).toBeGreaterThan(0);
    await context.close();
  });

  it('moves between comments with J and K only while focus is in the comments', async () => {
    const { page, context } = await openPage(chromium());
    await page.goto(articlePath);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await scrollToComments(page);
    const heading = page.getByRole('heading', { level: 2, name: /^5 thoughts on/ });
    await heading.waitFor();
    // Outside the comments (the page itself has focus), J is just a letter.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('j');
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);

    await heading.click();
    await page.keyboard.press('j');
    await page.waitForFunction(() =>
      document.activeElement?.textContent?.includes('Marta Kowalczyk'),
    );
    await context.close();
  });

  it('follows a comment’s own link to it, and Back returns to where the reader was', async () => {
    const { page, context, errors } = await openPage(chromium(), phone);
    await openComments(page);
    const link = page
      .locator('#comment-3')
      .getByRole('link', { name: /\d{4} at \d/ })
      .first();
    await link.scrollIntoViewIfNeeded();
    const before = await page.evaluate(() => Math.round(window.scrollY));
    await link.click();
    await expect.poll(() => new URL(page.url()).hash).toBe('#comment-3');
    await expect
      .poll(() => page.locator('#comment-3').evaluate((c) => c.getBoundingClientRect().top))
      .toBeLessThan(100);
    await page.goBack();
    await expect.poll(() => page.evaluate(() => Math.round(window.scrollY))).toBe(before);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens a permalink scrolled to the comment, focused and highlighted', async () => {
    const { page, context } = await openPage(chromium(), phone);
    await page.goto(`${articlePath}#comment-3`);
    const target = page.locator('#comment-3');
    await page.waitForFunction(() => document.activeElement?.closest('#comment-3') !== null);
    expect(await target.getAttribute('class')).toContain('comment--highlighted');
    const box = await target.boundingBox();
    expect(box && box.y >= 0 && box.y < 640).toBe(true);
    await context.close();
  });
});
