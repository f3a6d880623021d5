import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { putinMeetsChinaDefenseMinister as seed } from '../../mocks/fixtures/articles/putin-meets-china-defense-minister';
import { server } from '../../mocks/node';
import type { Article } from '../../src/contract/articles';
import { renderApp } from '../render';

const seedPath = `/articles/${seed.slug}`;

/** Counted here from the fixture, independently of the app: paragraphs, quotes and captions. */
function wordsIn(article: Article): number {
  const texts = article.body.flatMap((block) => {
    if (block.type === 'paragraph') return [block.text];
    if (block.type === 'quote') return [block.text, block.attribution ?? ''];
    if (block.type === 'figure') return [block.caption];
    return [];
  });
  return texts.join(' ').match(/\S+/g)?.length ?? 0;
}

const metaLine = async () => {
  const headline = await screen.findByRole('heading', { level: 1 });
  const header = headline.closest('header');
  if (!header) throw new Error('the headline is not in the article header');
  return header;
};

describe('reading time', () => {
  it('says how long the seed article takes to read, at about 230 words a minute', async () => {
    const words = wordsIn(seed);
    expect(words).toBeGreaterThan(100);
    const minutes = Math.max(1, Math.round(words / 230));
    renderApp(seedPath);
    expect(within(await metaLine()).getByText(`${minutes} min read`)).toBeInTheDocument();
  });

  it('counts a long story in whole minutes, and a very short one as 1 minute, never 0', async () => {
    const sentence = 'Nine plain words make up each of these sentences here.';
    const long: Article = {
      ...seed,
      body: [
        ...Array.from({ length: 100 }, () => ({ type: 'paragraph' as const, text: sentence })),
        { type: 'quote', text: sentence, attribution: 'Someone quoted' },
      ],
    };
    const words = wordsIn(long);
    expect(words).toBe(100 * 10 + 10 + 2);
    server.use(http.get('*/api/articles/:slug', () => HttpResponse.json(long), { once: true }));
    const first = renderApp(seedPath);
    expect(within(await metaLine()).getByText(`${Math.round(words / 230)} min read`)).toBeVisible();
    first.unmount();

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
