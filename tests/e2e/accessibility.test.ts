import {
  axeViolations,
  horizontalOverflow,
  openPage,
  phone,
  scrollToComments,
  sharedChromium,
} from './browser';

const articlePath = '/articles/putin-meets-china-defense-minister-in-moscow';

const chromium = sharedChromium();

describe('accessibility in every theme and state', () => {
  it.each(['light', 'dark', 'sepia'])(
    'has no axe violations in the %s theme: video open, errors showing, replying',
    async (theme) => {
      const { page, context } = await openPage(chromium());
      await page.addInitScript((chosen) => {
        localStorage.setItem('reader:theme', JSON.stringify(chosen));
      }, theme);
      await page.goto(articlePath);
      await scrollToComments(page);
      await page.getByRole('heading', { level: 2, name: /thoughts on/ }).waitFor();
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);

      await page.getByRole('button', { name: /^Play video/ }).click();
      await page.getByRole('dialog').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'hidden' });

      await page.getByRole('button', { name: 'Post Comment' }).click();
      await page.getByText('Please type your comment text.').waitFor();
      expect(await axeViolations(page)).toEqual([]);

      await page.getByRole('button', { name: 'Reply to Marta Kowalczyk' }).first().click();
      await page.getByRole('heading', { name: 'Leave a Reply to Marta Kowalczyk' }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    },
  );

  it('wraps very long words and mixed scripts without breaking a phone layout', async () => {
    const { page, context } = await openPage(chromium(), phone);
    await page.goto(articlePath);
    await scrollToComments(page);
    await page.getByRole('heading', { level: 2, name: /thoughts on/ }).waitFor();
    const long = `${'Supercalifragilistic'.repeat(12)} https://example.com/${'a'.repeat(150)}`;
    await page
      .getByRole('textbox', { name: 'Comment', exact: true })
      .fill(`${long}\n\nمرحبا 👋 שלום`);
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('W'.repeat(80));
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill('long@example.com');
    await page.getByRole('button', { name: 'Post Comment' }).click();
    await page.getByText('Your comment was posted.').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    const rtl = page.locator('.comment__text p', { hasText: 'مرحبا' });
    expect(await rtl.evaluate((p) => getComputedStyle(p).direction)).toBe('rtl');
    await context.close();
  });
});
