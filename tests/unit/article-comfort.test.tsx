import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { putinMeetsChinaDefenseMinister as seed } from '../../mocks/fixtures/articles/putin-meets-china-defense-minister';
import { server } from '../../mocks/node';
import type { Article } from '../../src/contract/articles';
import { renderApp } from '../render';

const seedPath = `/articles/${seed.slug}`;

const metaLine = async () => {
  const headline = await screen.findByRole('heading', { level: 1 });
  const header = headline.closest('header');
  if (!header) throw new Error('the headline is not in the article header');
  return header;
};

describe('reading time', () => {
  // Fixed figures, not the app's formula again: 230 words a minute, rounded to the nearest.
  const sentence = 'Nine plain words make up each of these sentences here.'; // 10 words
  const withParagraphs = (count: number): Article => ({
    ...seed,
    body: [
      ...Array.from({ length: count }, () => ({ type: 'paragraph' as const, text: sentence })),
      // 10 words and a 2-word attribution; the video adds none.
      { type: 'quote', text: sentence, attribution: 'Someone quoted' },
    ],
  });

  it('says the seed article (281 words) takes 1 minute', async () => {
    renderApp(seedPath);
    expect(within(await metaLine()).getByText('1 min read')).toBeInTheDocument();
  });

  it.each([
    [100, '4 min read'], // 1,012 words: 4.4 minutes
    [104, '5 min read'], // 1,052 words: 4.57 minutes, rounded up
  ])('counts %i paragraphs and a quote as %s', async (count, expected) => {
    const story = withParagraphs(count);
    server.use(http.get('*/api/articles/:slug', () => HttpResponse.json(story), { once: true }));
    renderApp(seedPath);
    expect(within(await metaLine()).getByText(expected)).toBeVisible();
  });

  it('counts a very short story as 1 minute, never 0', async () => {
    const short: Article = { ...seed, body: [{ type: 'paragraph', text: 'Brief.' }] };
    server.use(http.get('*/api/articles/:slug', () => HttpResponse.json(short), { once: true }));
    renderApp(seedPath);
    expect(within(await metaLine()).getByText('1 min read')).toBeInTheDocument();
  });
});

describe('sharing the article', () => {
  const canonical = () => `${window.location.origin}${seedPath}`;

  afterEach(() => {
    Reflect.deleteProperty(navigator, 'share');
  });

  it('copies the canonical address where there is no share sheet, and says so politely', async () => {
    const { user } = renderApp(seedPath);
    const header = await metaLine();
    const button = within(header).getByRole('button', { name: 'Copy link' });
    await user.click(button);
    expect(await within(header).findByText('Link copied')).toHaveAttribute('aria-live', 'polite');
    expect(await navigator.clipboard.readText()).toBe(canonical());
    expect(document.head.querySelector('link[rel="canonical"]')).toHaveAttribute(
      'href',
      canonical(),
    );
  });

  it('opens the system share sheet when there is one, and says nothing if the reader cancels', async () => {
    const share = vi.fn<(data: ShareData) => Promise<void>>();
    share.mockRejectedValueOnce(new DOMException('Share canceled', 'AbortError'));
    Object.defineProperty(navigator, 'share', { value: share, configurable: true });
    const { user } = renderApp(seedPath);
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    const header = await metaLine();
    await user.click(within(header).getByRole('button', { name: 'Share' }));
    expect(share).toHaveBeenCalledWith({ title: seed.headline, url: canonical() });
    // The component's handler was attached first, so it has run once this rejection is seen.
    await expect(share.mock.results[0]?.value).rejects.toThrow('Share canceled');
    expect(writeText).not.toHaveBeenCalled();
    expect(within(header).queryByText('Link copied')).not.toBeInTheDocument();
  });

  it('falls back to copying when the share sheet fails for another reason', async () => {
    const share = vi.fn(() => Promise.reject(new DOMException('Not allowed', 'NotAllowedError')));
    Object.defineProperty(navigator, 'share', { value: share, configurable: true });
    const { user } = renderApp(seedPath);
    const header = await metaLine();
    await user.click(within(header).getByRole('button', { name: 'Share' }));
    expect(await within(header).findByText('Link copied')).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe(canonical());
  });

  it('shows the address, selected, when even copying is refused', async () => {
    const { user } = renderApp(seedPath);
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValueOnce(new Error('denied'));
    const header = await metaLine();
    await user.click(within(header).getByRole('button', { name: 'Copy link' }));
    expect(await within(header).findByText(/Couldn’t copy the link/)).toBeInTheDocument();
    const field = within(header).getByRole<HTMLInputElement>('textbox', {
      name: 'Link to this article',
    });
    expect(field).toHaveValue(canonical());
    expect(field).toHaveAttribute('readonly');
    expect(field.selectionStart).toBe(0);
    expect(field.selectionEnd).toBe(canonical().length);
  });
});
