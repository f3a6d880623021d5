import type { Page } from 'playwright-core';
import { axeViolations, openPage, scrollToComments, sharedChromium } from './browser';

const articlePath = '/articles/putin-meets-china-defense-minister-in-moscow';

const chromium = sharedChromium();

async function post(page: Page, text: string) {
  await page.getByRole('textbox', { name: 'Comment', exact: true }).fill(text);
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Edda Editor');
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill('edda@example.com');
  await page.getByRole('button', { name: 'Post Comment' }).click();
  await page.getByText('Your comment was posted.').waitFor();
}

const topLevelAuthors = (page: Page) =>
  page.locator('.comments > ol.comment-list > li > article .comment__author').allInnerTexts();

describe('reading and managing comments in Chromium', () => {
  it('sorts newest first and remembers it after a reload', async () => {
    const { page, context } = await openPage(chromium());
    await page.goto(articlePath);
    await scrollToComments(page);
    const sort = page.getByRole('combobox', { name: 'Sort comments' });
    await sort.waitFor();
    expect(await topLevelAuthors(page)).toEqual([
      'Marta Kowalczyk',
      'Lena Hoffmann',
      'Sam Whitaker',
    ]);
    await sort.selectOption({ label: 'Newest first' });
    await page.waitForFunction(
      () =>
        document.querySelector('.comments > ol.comment-list > li .comment__author')?.textContent ===
        'Sam Whitaker',
    );
    await page.reload();
    await page.getByRole('combobox', { name: 'Sort comments' }).waitFor();
    expect(await topLevelAuthors(page)).toEqual([
      'Sam Whitaker',
      'Lena Hoffmann',
      'Marta Kowalczyk',
    ]);
    await context.close();
  });

  it('edits within the 15-minute window and not after it', async () => {
    const { page, context } = await openPage(chromium());
    await page.clock.install();
    await page.goto(articlePath);
    await scrollToComments(page);
    await page.getByRole('heading', { level: 2, name: /thoughts on/ }).waitFor();
    await post(page, 'Edited within the window.');
    // Found by its id: while it is being edited, its words are in a textbox, not its text.
    const id = await page
      .locator('li.comment', { hasText: 'Edited within the window.' })
      .getAttribute('id');
    const mine = page.locator(`#${id}`);

    await mine.getByRole('button', { name: 'Edit', exact: true }).click();
    const box = mine.getByRole('textbox', { name: 'Edit comment' });
    await box.fill('Edited within the window, twice.');
    expect(await axeViolations(page)).toEqual([]);
    await mine.getByRole('button', { name: 'Save', exact: true }).click();
    await mine.getByText('edited', { exact: true }).waitFor();
    expect(await mine.locator('.comment__text').innerText()).toBe(
      'Edited within the window, twice.',
    );

    await page.clock.fastForward('16:00');
    await mine.getByRole('button', { name: 'Edit', exact: true }).waitFor({ state: 'detached' });
    await page.reload();
    await page.getByText('Edited within the window, twice.').waitFor();
    expect(await mine.getByRole('button', { name: 'Edit', exact: true }).count()).toBe(0);
    expect(await mine.getByRole('button', { name: 'Delete', exact: true }).count()).toBe(0);
    await context.close();
  });
});
