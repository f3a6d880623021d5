import { missingSeedLines } from '../seed-article';
import {
  axeViolations,
  horizontalOverflow,
  openPage,
  phone,
  scrollToComments,
  sharedChromium,
} from './browser';

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

  it('plays the video in a modal dialog whose own controls take focus, and gives focus back', async () => {
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

    // No trap of the page's own: Tab goes through the video's native controls (play, seek,
    // volume, captions, full screen …), each its own stop, and never to the page behind.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Close video');
    const where = () =>
      dialog.evaluate((el) => {
        const focused = document.activeElement;
        if (!focused || focused === document.body) return 'browser';
        if (!el.contains(focused)) return 'outside';
        return focused.tagName === 'VIDEO' ? 'video' : (focused.textContent ?? '');
      });
    // The first stop after Close is the video's play/pause, which works from the keyboard.
    await page.keyboard.press('Tab');
    expect(await where()).toBe('video');
    const wasPaused = await page.evaluate(() => document.querySelector('video')?.paused);
    await page.keyboard.press('Enter');
    await page.waitForFunction((was) => document.querySelector('video')?.paused !== was, wasPaused);
    const stops: string[] = ['video'];
    for (let i = 0; i < 10; i += 1) {
      await page.keyboard.press('Tab');
      stops.push(await where());
    }
    expect(stops).not.toContain('outside');
    expect(stops.slice(0, 3)).toEqual(['video', 'video', 'video']);
    expect(await axeViolations(page)).toEqual([]);

    await dialog.getByRole('button', { name: 'Close video' }).focus();

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

  it('goes back and forward like a multi-page site: scroll kept, unsent text guarded', async () => {
    const { page, context, errors } = await openPage(chromium(), phone);
    const scrollY = () => page.evaluate(() => Math.round(window.scrollY));
    await page.goto('/');
    const story = page.getByRole('link', { name: headline });
    await story.waitFor();
    await page.evaluate(() => window.scrollTo(0, 300));
    await expect.poll(scrollY).toBe(300);
    const frontY = await scrollY();

    await story.click();
    await page.getByRole('heading', { level: 1, name: headline }).waitFor();
    expect(await scrollY()).toBe(0);
    await page.evaluate(() => window.scrollTo(0, 900));
    await expect.poll(scrollY).toBe(900);

    await page.goBack();
    await page.getByRole('heading', { name: 'Latest stories' }).waitFor();
    await expect.poll(scrollY).toBe(frontY);
    await page.goForward();
    await page.getByRole('heading', { level: 1, name: headline }).waitFor();
    await expect.poll(scrollY).toBe(900);

    // With a comment typed, Back asks first; "stay" keeps the page and the text.
    await scrollToComments(page);
    const comment = page.getByRole('textbox', { name: /Comment/ });
    await comment.fill('Half a thought');
    const answers: boolean[] = [false, true];
    const asked: string[] = [];
    page.on('dialog', (dialog) => {
      asked.push(dialog.message());
      void (answers.shift() ? dialog.accept() : dialog.dismiss());
    });
    await page.goBack();
    await expect.poll(() => asked.length).toBe(1);
    await expect.poll(() => new URL(page.url()).pathname).toBe(articlePath);
    expect(await comment.inputValue()).toBe('Half a thought');

    await page.goBack();
    await page.getByRole('heading', { name: 'Latest stories' }).waitFor();
    expect(asked).toHaveLength(2);
    expect(asked[0]).toMatch(/hasn’t been posted yet/);
    expect(errors).toEqual([]);
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
