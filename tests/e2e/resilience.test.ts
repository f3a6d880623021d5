import type { Page } from 'playwright-core';
import { openPage, scrollToComments, sharedChromium } from './browser';

const articlePath = '/articles/putin-meets-china-defense-minister-in-moscow';

const chromium = sharedChromium();

const textbox = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });

async function writeComment(page: Page, comment: string) {
  await textbox(page, 'Comment').fill(comment);
  await textbox(page, 'Name').fill('Rita Resilient');
  await textbox(page, 'Email').fill(`rita.${comment.length}@example.com`);
}

async function openComments(page: Page, path = articlePath) {
  await page.goto(path);
  await scrollToComments(page);
  await page.getByRole('heading', { level: 2, name: /thoughts on/ }).waitFor();
}

const commentsSaying = (page: Page, text: string) =>
  page.locator('.comment__text p', { hasText: text });

describe('never losing a comment, in Chromium', () => {
  it('queues a comment while offline and sends it once when the connection returns', async () => {
    const { page, context } = await openPage(chromium());
    await openComments(page);
    await context.setOffline(true);
    await writeComment(page, 'Typed in a tunnel.');
    await page.getByRole('button', { name: 'Post Comment' }).click();
    await page
      .getByText('You’re offline — your comment will be posted when you’re back online.')
      .waitFor();
    await page.getByText('Waiting for a connection to post…').waitFor();

    await context.setOffline(false);
    await page.getByText('Your comment was posted.').waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 2, name: /^6 thoughts on/ }).waitFor();
    expect(await commentsSaying(page, 'Typed in a tunnel.').count()).toBe(1);
    await context.close();
  });

  it('sends a comment from a tab closed while offline on the next visit, exactly once', async () => {
    const { page, context } = await openPage(chromium());
    await openComments(page);
    await context.setOffline(true);
    await writeComment(page, 'Left behind in a closed tab.');
    await page.getByRole('button', { name: 'Post Comment' }).click();
    await page.getByText('Waiting for a connection to post…').waitFor();
    await page.close();

    await context.setOffline(false);
    const next = await context.newPage();
    await next.goto(articlePath);
    await scrollToComments(next);
    await next.getByRole('heading', { level: 2, name: /^6 thoughts on/ }).waitFor();
    await commentsSaying(next, 'Left behind in a closed tab.').waitFor();
    await next.waitForFunction(
      () =>
        !document.querySelector('.comment--sending') &&
        document.querySelector('textarea')?.value === '',
    );
    await next.reload();
    await next.getByRole('heading', { level: 2, name: /^6 thoughts on/ }).waitFor();
    expect(await commentsSaying(next, 'Left behind in a closed tab.').count()).toBe(1);
    await context.close();
  });

  it('keeps a comment queued in a closed tab when another tab’s list changes, and sends it once', async () => {
    const { page: tabA, context } = await openPage(chromium());
    const tabB = await context.newPage();
    await openComments(tabA);
    await openComments(tabB);
    await context.setOffline(true);
    await writeComment(tabA, 'Queued in tab A.');
    await tabA.getByRole('button', { name: 'Post Comment' }).click();
    await tabA.getByText('Waiting for a connection to post…').waitFor();
    await tabA.close();
    // Tab B's list changes (the reader switches the order): B saves its own, empty, queue.
    await tabB.bringToFront();
    await tabB.getByRole('combobox', { name: 'Sort comments' }).selectOption('newest');
    await context.setOffline(false);
    await tabB.getByRole('combobox', { name: 'Sort comments' }).waitFor();

    // Two fresh tabs at once: exactly one of them sends the post.
    const posts: string[] = [];
    context.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/comments'))
        posts.push(request.url());
    });
    const [tabC, tabD] = await Promise.all([context.newPage(), context.newPage()]);
    await Promise.all([openComments(tabC), openComments(tabD)]);
    await tabC.waitForFunction(() =>
      Object.keys(localStorage).every((key) => !key.startsWith('app:queued-comment')),
    );
    await tabC.reload();
    await scrollToComments(tabC);
    await tabC.getByRole('heading', { level: 2, name: /^6 thoughts on/ }).waitFor();
    expect(await commentsSaying(tabC, 'Queued in tab A.').count()).toBe(1);
    expect(posts).toHaveLength(1);
    await context.close();
  });

  it('keeps the draft through a 500 and a reload, then posts it when the server recovers', async () => {
    const { page, context } = await openPage(chromium());
    const leaveQuestions: string[] = [];
    page.on('dialog', (dialog) => {
      leaveQuestions.push(dialog.type());
      void dialog.accept();
    });
    await openComments(page, `${articlePath}?mock=error`);
    await writeComment(page, 'Worth keeping.');
    await page.getByRole('button', { name: 'Post Comment' }).click();
    await page
      .getByRole('alert')
      .getByText(/error 500/)
      .waitFor();
    await page.getByText(/Retrying automatically \(attempt 2 of 4\)/).waitFor();

    // The reader reloads (the page asks first: there is unsent text); the server is fixed.
    await page.goto(`${articlePath}?mock=default`);
    await scrollToComments(page);
    await page.getByRole('heading', { level: 2, name: /thoughts on/ }).waitFor();
    expect(leaveQuestions).toContain('beforeunload');
    expect(await textbox(page, 'Comment').inputValue()).toBe('Worth keeping.');
    // Name and email are only kept when the reader asks for it; the words always are.
    await textbox(page, 'Name').fill('Rita Resilient');
    await textbox(page, 'Email').fill('rita.keeps@example.com');
    await page.getByRole('button', { name: 'Post Comment' }).click();
    await page.getByText('Your comment was posted.').waitFor();
    expect(await commentsSaying(page, 'Worth keeping.').count()).toBe(1);
    await context.close();
  });

  it('counts down a 429 and enables the button again', async () => {
    const { page, context } = await openPage(chromium());
    await openComments(page, `${articlePath}?mock=rate-limit`);
    await page.getByRole('button', { name: 'Mock API: rate-limit' }).waitFor();
    await writeComment(page, 'Too quick.');
    // The page's clock, faked from here (it runs on until told otherwise): the five seconds of
    // the countdown are run through at once.
    await page.clock.install();
    await page.getByRole('button', { name: 'Post Comment' }).click();
    await page.getByRole('alert').filter({ hasText: 'You can post again in 5 seconds.' }).waitFor();
    const button = page.locator('.comment-form__submit button');
    expect(await button.getAttribute('aria-disabled')).toBe('true');
    await page.clock.runFor(2000);
    await page.getByRole('button', { name: 'Post Comment (wait 3 s)' }).waitFor();
    await page.clock.runFor(3000);
    await page.getByRole('button', { name: 'Post Comment', exact: true }).waitFor();
    expect(await button.getAttribute('aria-disabled')).toBeNull();
    await page.getByText('You can post your comment now.').waitFor();
    await context.close();
  });

  it('shows the slow scenario’s loading and pending states, then the result', async () => {
    const { page, context } = await openPage(chromium());
    await page.goto(`${articlePath}?mock=slow`);
    await page.getByText('Loading the article…').waitFor();
    await scrollToComments(page);
    await page.getByRole('heading', { level: 2, name: /thoughts on/ }).waitFor({ timeout: 15_000 });
    await writeComment(page, 'Patiently posted.');
    await page.getByRole('button', { name: 'Post Comment' }).click();
    await page.getByRole('button', { name: 'Posting…' }).waitFor();
    await page
      .locator('.comment--sending', { hasText: 'Patiently posted.' })
      .getByText('Posting…')
      .waitFor();
    await page.getByText('Your comment was posted.').waitFor({ timeout: 15_000 });
    await context.close();
  }, 45_000);

  it('shows malformed replies as an error with a retry, never a blank page', async () => {
    const { page, context, errors } = await openPage(chromium());
    await page.goto('/?mock=malformed');
    const alert = page.getByRole('alert');
    await alert.getByText('The server sent a reply we couldn’t read.').waitFor();
    await alert.getByRole('button', { name: 'Try again' }).waitFor();
    expect(errors.some((e) => e.startsWith('Unreadable reply from /api/articles'))).toBe(true);
    await page.goto(`${articlePath}?mock=malformed`);
    await page.getByRole('alert').getByText('The server sent a reply we couldn’t read.').waitFor();
    await context.close();
  });

  it('says the server cannot be reached, and the panel switches scenarios', async () => {
    const { page, context } = await openPage(chromium());
    await page.goto('/?mock=offline');
    await page.getByRole('alert').getByText('Can’t reach the server').waitFor();

    await page.getByRole('button', { name: 'Mock API: offline' }).click();
    await page.getByRole('combobox', { name: 'Scenario' }).selectOption('empty');
    await page.getByText('No stories yet. Check back soon.').waitFor();
    await page.getByRole('button', { name: 'Mock API: empty' }).waitFor();
    await context.close();
  });

  it('resets the mock database from the panel', async () => {
    const { page, context } = await openPage(chromium());
    await openComments(page);
    await writeComment(page, 'Soon to be reset.');
    await page.getByRole('button', { name: 'Post Comment' }).click();
    // Stored, not only shown: a post still under way would be resent after the reset's reload.
    await page.getByText('Your comment was posted.').waitFor();

    await page.getByRole('button', { name: 'Mock API: default' }).click();
    await page.getByRole('button', { name: 'Reset mock database' }).click();
    await page.getByRole('heading', { level: 2, name: /^5 thoughts on/ }).waitFor();
    expect(await commentsSaying(page, 'Soon to be reset.').count()).toBe(0);
    await context.close();
  });
});
