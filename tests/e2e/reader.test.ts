import { missingSeedLines } from '../seed-article';
import { axeViolations, horizontalOverflow, openPage, phone, sharedChromium } from './browser';

const headline = 'Putin meets with China’s defense minister in Moscow';
const articlePath = '/articles/putin-meets-china-defense-minister-in-moscow';

const chromium = sharedChromium();

describe('reading in Chromium against the dev server and its MSW worker', () => {
  it('goes from the front page to the seed article, shown verbatim, with no axe violations', async () => {
    const { page, context, errors } = await openPage(chromium());
    await page.goto('/');
    await page.getByRole('link', { name: headline }).waitFor();
    expect(await page.getByRole('listitem').count()).toBe(3);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: headline }).click();
    await page.getByRole('heading', { level: 1, name: headline }).waitFor();
    expect(new URL(page.url()).pathname).toBe(articlePath);
    expect(await page.title()).toBe(`${headline} · The Daily Thread`);

    const shown = await page.getByRole('article', { name: headline }).evaluate((article) => ({
      text: article.textContent ?? '',
      alts: [...article.querySelectorAll('img')].map((img) => img.alt),
    }));
    expect(missingSeedLines(shown.text, shown.alts)).toEqual([]);
    const figure = page.getByRole('figure', { name: /Li Shangfu \(right\) swears an oath/ });
    await figure.getByText('NOEL CELIS/AFP/Getty Images').waitFor();
    // The illustration really loads: a broken image would have no natural size.
    await figure.getByRole('img').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('figure img');
      return img?.complete && img.naturalWidth > 0;
    });
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('plays the video in an accessible dialog that traps focus and gives it back', async () => {
    const { page, context, errors } = await openPage(chromium());
    await page.goto(articlePath);
    const card = page.getByRole('button', {
      name: 'Play video: Russians defect to Ukraine to fight invasion 01:52',
    });
    await card.click();
    const dialog = page.getByRole('dialog', {
      name: 'Russians defect to Ukraine to fight invasion',
    });
    await dialog.waitFor();
    expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);

    // It really plays, for as long as the card says, with a captions track.
    await page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 0.3);
    const media = await page.evaluate(() => {
      const video = document.querySelector('video');
      return { duration: video?.duration, cues: video?.textTracks[0]?.cues?.length ?? 0 };
    });
    expect(media.duration).toBeCloseTo(112, 0);
    expect(media.cues).toBeGreaterThan(0);

    for (let i = 0; i < 6; i += 1) {
      await page.keyboard.press('Tab');
      expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    }
    await page.keyboard.press('Shift+Tab');
    expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await card.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens deep links, survives a reload, and says when an article does not exist', async () => {
    const { page, context } = await openPage(chromium());
    await page.goto(articlePath);
    await page.getByRole('heading', { level: 1, name: headline }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: headline }).waitFor();

    await page.goto('/articles/no-such-story');
    await page.getByRole('heading', { level: 1, name: 'Article not found' }).waitFor();
    await page.getByRole('link', { name: 'Go to the front page' }).click();
    await page.getByRole('heading', { name: 'Latest stories' }).waitFor();
    await context.close();
  });

  it('fits a 320 px phone without horizontal scrolling', async () => {
    const { page, context } = await openPage(chromium(), phone);
    await page.goto('/');
    await page.getByRole('link', { name: headline }).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await page.goto(articlePath);
    await page.getByRole('heading', { level: 1, name: headline }).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
