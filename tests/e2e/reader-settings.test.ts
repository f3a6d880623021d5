import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import {
  axeViolations,
  desktop,
  horizontalOverflow,
  openPage,
  phone,
  scrollToComments,
  sharedChromium,
} from './browser';

const articlePath = '/articles/putin-meets-china-defense-minister-in-moscow';
const headline = 'Putin meets with China’s defense minister in Moscow';

// The themes' --paper, as the browser reports it: what the page background must be.
const paper = {
  light: 'rgb(251, 250, 247)',
  dark: 'rgb(18, 19, 22)',
  sepia: 'rgb(244, 236, 216)',
} as const;

const chromium = sharedChromium();

/** A page whose storage already holds these settings when the app first loads. */
async function openWithSettings(
  settings: { theme?: string; textSize?: number },
  options: BrowserContextOptions = desktop,
) {
  const opened = await openPage(chromium(), options);
  await opened.context.addInitScript((stored) => {
    if (stored.theme) localStorage.setItem('reader:theme', JSON.stringify(stored.theme));
    if (stored.textSize) localStorage.setItem('reader:text-size', JSON.stringify(stored.textSize));
  }, settings);
  return opened;
}

async function openArticleWithComments(page: Page) {
  await page.goto(articlePath);
  await page.getByRole('heading', { level: 1, name: headline }).waitFor();
  await scrollToComments(page);
  await page.getByRole('heading', { level: 2, name: /thoughts on/ }).waitFor();
}

const pageState = (page: Page) =>
  page.evaluate(() => ({
    theme: document.documentElement.dataset.theme,
    textSize: document.documentElement.dataset.textSize,
    colorScheme: document.querySelector('meta[name="color-scheme"]')?.getAttribute('content'),
    background: getComputedStyle(document.body).backgroundColor,
  }));

function luminance(rgb: string): number {
  const [r = 0, g = 0, b = 0] = (rgb.match(/[\d.]+/g) ?? []).map((c) => {
    const s = Number(c) / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Focuses the element as a keyboard user would, so :focus-visible applies. */
async function tabTo(page: Page, locator: Locator) {
  await locator.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  expect(await locator.evaluate((el) => el === document.activeElement)).toBe(true);
}

/** The focused element's outline, and its contrast with the background it is drawn on. */
const focusRing = (page: Page, backgroundOf: string) =>
  page.evaluate((selector) => {
    const focused = document.activeElement;
    if (!(focused instanceof HTMLElement)) throw new Error('nothing is focused');
    const style = getComputedStyle(focused);
    const behind = document.querySelector(selector);
    if (!behind) throw new Error(`no ${selector}`);
    return {
      style: style.outlineStyle,
      width: parseFloat(style.outlineWidth),
      color: style.outlineColor,
      background: getComputedStyle(behind).backgroundColor,
    };
  }, backgroundOf);

describe('themes in Chromium', () => {
  it('follows the system light or dark scheme when the reader has not chosen', async () => {
    const seen: Record<string, Awaited<ReturnType<typeof pageState>>> = {};
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, context, errors } = await openPage(chromium(), { ...desktop, colorScheme });
      await openArticleWithComments(page);
      seen[colorScheme] = await pageState(page);
      expect(errors).toEqual([]);
      await context.close();
    }
    expect(seen.light).toEqual({
      theme: 'system',
      textSize: '100',
      colorScheme: 'light dark',
      background: paper.light,
    });
    expect(seen.dark).toEqual({ ...seen.light, background: paper.dark });
  });

  it('applies a stored choice before the app runs at all: no flash of the wrong theme', async () => {
    const { page, context } = await openWithSettings(
      { theme: 'dark', textSize: 125 },
      { ...desktop, colorScheme: 'light' },
    );
    // Hold the app back entirely: whatever the page shows now comes from the blocking init script
    // in <head> (and the style sheet), which is all the browser has before its first paint.
    await page.route('**/src/main.tsx', (route) =>
      route.fulfill({ contentType: 'text/javascript', body: '' }),
    );
    await page.goto(articlePath, { waitUntil: 'domcontentloaded' });
    expect(await page.locator('#root').evaluate((root) => root.childElementCount)).toBe(0);
    await page.addStyleTag({ url: '/src/styles/global.css' });
    expect(await pageState(page)).toEqual({
      theme: 'dark',
      textSize: '125',
      colorScheme: 'dark',
      background: paper.dark,
    });
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe(
      '20px',
    );
    await context.close();
  });

  it('is chosen with the keyboard from the header, remembered, with the focus always visible', async () => {
    const { page, context, errors } = await openPage(chromium(), {
      ...desktop,
      colorScheme: 'dark',
    });
    await openArticleWithComments(page);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Tab'); // the site name
    await page.keyboard.press('Tab');
    const toggle = page.getByRole('button', { name: 'Display settings' });
    expect(await toggle.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');

    await page.keyboard.press('Tab'); // into the Theme radio group, on the checked one: System
    const expected = { Light: paper.light, Dark: paper.dark, Sepia: paper.sepia };
    for (const [name, background] of Object.entries(expected)) {
      await page.keyboard.press('ArrowRight');
      const radio = page.getByRole('radio', { name });
      expect(await radio.isChecked()).toBe(true);
      expect((await pageState(page)).background).toBe(background);
      const ring = await focusRing(page, '.theme-option');
      expect(ring.style).toBe('solid');
      expect(ring.width).toBeGreaterThanOrEqual(2);
      expect(contrast(ring.color, ring.background)).toBeGreaterThanOrEqual(3);
    }

    await page.keyboard.press('Escape');
    expect(await toggle.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: headline }).waitFor();
    expect(await pageState(page)).toMatchObject({ theme: 'sepia', background: paper.sepia });
    expect(errors).toEqual([]);
    await context.close();
  });

  for (const theme of ['light', 'dark', 'sepia'] as const) {
    it(`has no axe violations in the ${theme} theme, comments and open settings included`, async () => {
      const { page, context, errors } = await openWithSettings({ theme });
      await openArticleWithComments(page);
      await page.getByRole('button', { name: 'Display settings' }).click();
      await page.getByRole('group', { name: 'Display settings' }).waitFor();
      expect((await pageState(page)).background).toBe(paper[theme]);
      expect(await axeViolations(page)).toEqual([]);

      // Focus is visible against the paper (a link in the story) and in the header.
      await tabTo(page, page.getByRole('link', { name: 'Source link' }));
      const onPaper = await focusRing(page, 'body');
      expect(onPaper.style).toBe('solid');
      expect(contrast(onPaper.color, onPaper.background)).toBeGreaterThanOrEqual(3);
      await tabTo(page, page.getByRole('button', { name: 'Display settings' }));
      const inHeader = await focusRing(page, '.site-header');
      expect(contrast(inHeader.color, inHeader.background)).toBeGreaterThanOrEqual(3);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});

describe('text size in Chromium', () => {
  it('grows the article text at every step, and still fits a 320 px phone at the largest', async () => {
    const { page, context, errors } = await openPage(chromium(), phone);
    await openArticleWithComments(page);
    const paragraphSize = () =>
      page
        .locator('.article-body > p')
        .first()
        .evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
    const commentSize = () =>
      page
        .locator('.comment__text')
        .first()
        .evaluate((p) => parseFloat(getComputedStyle(p).fontSize));

    await page.getByRole('button', { name: 'Display settings' }).click();
    const larger = page.getByRole('button', { name: 'Larger text' });
    const sizes = [await paragraphSize()];
    const commentSizes = [await commentSize()];
    while ((await larger.getAttribute('aria-disabled')) !== 'true') {
      await larger.click();
      sizes.push(await paragraphSize());
      commentSizes.push(await commentSize());
    }
    expect(sizes.length).toBeGreaterThanOrEqual(5);
    for (let i = 1; i < sizes.length; i += 1) {
      expect(sizes[i]).toBeGreaterThan(sizes[i - 1] ?? Infinity);
      expect(commentSizes[i]).toBeGreaterThan(commentSizes[i - 1] ?? Infinity);
    }
    expect(await page.getByText('Text size 150%, the largest').count()).toBe(1);
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: headline }).waitFor();
    expect(await paragraphSize()).toBe(sizes.at(-1));
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('sharing in Chromium', () => {
  it('copies the canonical address, not the one the reader came in by', async () => {
    const { page, context, errors } = await openPage(chromium());
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(`${articlePath}?utm_source=newsletter#comments`);
    await page.getByRole('heading', { level: 1, name: headline }).waitFor();
    // Desktop Chromium on Linux has no share sheet, so the control copies.
    await page.getByRole('button', { name: 'Copy link', exact: true }).click();
    await page.getByText('Link copied').waitFor();
    const origin = new URL(page.url()).origin;
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `${origin}${articlePath}`,
    );
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('print in Chromium', () => {
  it('prints the story with its figures, captions and link addresses, and none of the controls', async () => {
    const { page, context, errors } = await openWithSettings({ theme: 'dark' });
    await openArticleWithComments(page);
    await page.emulateMedia({ media: 'print' });

    // Whether anything of each match is on paper (an element inside a hidden one is hidden too).
    const printed = (selector: string) =>
      page.locator(selector).evaluateAll((els) => els.map((el) => el.checkVisibility()));
    // Every button is left out but the video card, which prints as a captioned still.
    const buttons = await printed('button:not(.video-card__button)');
    expect(buttons.length).toBeGreaterThan(5);
    expect(buttons).not.toContain(true);
    expect(await printed('form')).toEqual([false]);
    expect(await printed('input, textarea')).not.toContain(true);
    expect(await printed('.skip-link, .reader-settings__panel, .share')).not.toContain(true);
    expect(await printed('.video-card__play')).toEqual([false]);
    expect(await printed('.video-card__poster')).toEqual([true]);

    const caption = page.getByText(/^State councilor Li Shangfu \(right\) swears an oath/);
    expect(await caption.isVisible()).toBe(true);
    expect(await page.getByRole('figure').first().getByRole('img').isVisible()).toBe(true);
    expect(await page.getByRole('heading', { level: 1, name: headline }).isVisible()).toBe(true);

    const source = page.getByRole('link', { name: 'Source link' });
    expect(await source.evaluate((link) => getComputedStyle(link, '::after').content)).toBe(
      `" (${await source.getAttribute('href')})"`,
    );
    // Black on white, whatever the reader's screen theme.
    expect((await pageState(page)).background).toBe('rgb(255, 255, 255)');
    expect(errors).toEqual([]);
    await context.close();
  });
});
