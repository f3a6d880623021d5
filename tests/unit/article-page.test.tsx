import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { server } from '../../mocks/node';
import { renderApp } from '../render';
import { missingSeedLines } from '../seed-article';
import { putinMeetsChinaDefenseMinister as seed } from '../../mocks/fixtures/articles/putin-meets-china-defense-minister';

const imageAlts = (root: HTMLElement) =>
  within(root)
    .getAllByRole('img')
    .map((img) => img.getAttribute('alt') ?? '');

const seedSlug = 'putin-meets-china-defense-minister-in-moscow';
const seedPath = `/articles/${seedSlug}`;

describe('article page', () => {
  it('shows every line of the seed document verbatim, in order', async () => {
    renderApp(seedPath);
    const article = await screen.findByRole('article');
    const images = within(article).getAllByRole('img');
    const alts = images.map((img) => img.getAttribute('alt') ?? '');
    expect(missingSeedLines(article.textContent ?? '', alts)).toEqual([]);
    expect(alts).toContain(
      "State councilor Li Shangfu (right) swears an oath after he was elected during the fifth plenary session of the National People's Congress (NPC) at the Great Hall of the People in Beijing on March 12, 2023.",
    );
  });

  it('has an h1 headline, a machine-readable date and a title naming article and site', async () => {
    renderApp(seedPath);
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Putin meets with China’s defense minister in Moscow',
      }),
    ).toBeInTheDocument();
    const published = screen.getByText(
      (_, el) => el?.tagName === 'TIME' && el.getAttribute('datetime') === '2023-04-16T15:05:00Z',
    );
    // On the reader's clock: 15:05 UTC is April 16 from UTC−15 to UTC+8.
    expect(published).toHaveTextContent('April 16, 2023');
    expect(document.title).toBe(
      'Putin meets with China’s defense minister in Moscow · The Daily Thread',
    );
    expect(screen.getByRole('link', { name: 'Source link' })).toHaveAttribute(
      'href',
      expect.stringMatching(/^https:\/\//),
    );
  });

  it('renders the photo as a captioned figure with a separate credit', async () => {
    renderApp(seedPath);
    const caption = await screen.findByText(
      /^State councilor Li Shangfu \(right\) swears an oath/,
      {
        selector: 'figcaption',
      },
    );
    const figure = caption.closest('figure');
    if (!figure) throw new Error('the caption is not inside a figure');
    const img = within(figure).getByRole('img');
    expect(img).toHaveAttribute('width', '1200');
    expect(img).toHaveAttribute('height', '800');
    expect(img).toHaveAttribute('loading', 'lazy');
    expect(img).toHaveAttribute('decoding', 'async');
    expect(within(figure).getByText('NOEL CELIS/AFP/Getty Images')).toHaveClass(
      'captioned-figure__credit',
    );
  });

  it('shows the video as one button naming the title and the duration', async () => {
    renderApp(seedPath);
    const card = await screen.findByRole('button', {
      name: 'Play video: Russians defect to Ukraine to fight invasion 01:52',
    });
    expect(within(card).getByText('01:52').tagName).toBe('TIME');
    expect(within(card).getByText('01:52')).toHaveAttribute('datetime', 'PT1M52S');
  });

  it('renders quotes and several figures of other articles in order', async () => {
    renderApp('/articles/night-trains-return-sample');
    const article = await screen.findByRole('article');
    expect(within(article).getAllByRole('figure')).toHaveLength(4); // three photos and the quote
    expect(within(article).getByRole('blockquote')).toHaveTextContent(
      /You fall asleep in one country/,
    );
    expect(within(article).getByText('By the Sample Desk')).toBeInTheDocument();
    expect(within(article).queryByRole('button', { name: /Play video/ })).not.toBeInTheDocument();
  });

  it('holds the layout with a skeleton while the article loads', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    server.use(
      http.get('*/api/articles/:slug', async () => {
        await gate;
        return undefined; // fall through to the real handler
      }),
    );
    renderApp(seedPath);
    expect(await screen.findByRole('status')).toHaveTextContent('Loading the article…');
    release();
    expect(await screen.findByRole('heading', { level: 1 })).toBeInTheDocument();
    expect(screen.queryByText('Loading the article…')).not.toBeInTheDocument();
  });

  it('says so when the article does not exist, and links home', async () => {
    const { user } = renderApp('/articles/no-such-story');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Article not found' }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Go to the front page' }));
    expect(await screen.findByRole('heading', { name: 'Latest stories' })).toBeInTheDocument();
  });

  it('shows a server error with a retry that recovers', async () => {
    server.use(
      http.get(
        '*/api/articles/:slug',
        () => HttpResponse.json({ status: 500, message: 'boom' }, { status: 500 }),
        { once: true },
      ),
    );
    const { user } = renderApp(seedPath);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The server had a problem');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('Putin meets');
  });

  it('shows an error state, not a blank page, when the reply has the wrong shape', async () => {
    server.use(http.get('*/api/articles/:slug', () => HttpResponse.json({ headline: 42 })));
    renderApp(seedPath);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The server sent a reply we couldn’t read.',
    );
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('skips a block it cannot show, with one warning, and shows the rest of the article', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    server.use(
      http.get('*/api/articles/:slug', () =>
        HttpResponse.json({
          ...seed,
          body: [
            seed.body[0],
            { type: 'poll', question: 'A block from a newer version?' },
            ...seed.body.slice(1),
          ],
        }),
      ),
    );
    renderApp(seedPath);
    const article = await screen.findByRole('article');
    expect(missingSeedLines(article.textContent ?? '', imageAlts(article))).toEqual([]);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it('says so when no block at all can be shown', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    server.use(
      http.get('*/api/articles/:slug', () =>
        HttpResponse.json({ ...seed, body: [{ type: 'poll' }] }),
      ),
    );
    renderApp(seedPath);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The server sent a reply we couldn’t read.',
    );
    vi.restoreAllMocks();
  });

  it('asks again for an article that failed when the reader comes back to it', async () => {
    server.use(http.get('*/api/articles/:slug', () => HttpResponse.error(), { once: true }));
    const { user } = renderApp(seedPath);
    expect(await screen.findByRole('alert')).toHaveTextContent('Can’t reach the server');
    await user.click(screen.getByRole('link', { name: 'The Daily Thread' }));
    await user.click(await screen.findByRole('link', { name: seed.headline }));
    expect(await screen.findByRole('heading', { level: 1, name: seed.headline })).toBeVisible();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows a corrected article when the reader returns to the tab after five minutes', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['Date'] });
    try {
      renderApp(seedPath);
      await screen.findByRole('heading', { level: 1, name: seed.headline });
      server.use(
        http.get('*/api/articles/:slug', () =>
          HttpResponse.json({ ...seed, headline: 'A corrected headline' }),
        ),
      );
      // Back within a few minutes: nothing is fetched again.
      vi.setSystemTime(Date.now() + 4 * 60_000);
      window.dispatchEvent(new Event('focus'));
      expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(seed.headline);

      vi.setSystemTime(Date.now() + 2 * 60_000);
      window.dispatchEvent(new Event('focus'));
      expect(
        await screen.findByRole('heading', { level: 1, name: 'A corrected headline' }),
      ).toBeVisible();
    } finally {
      vi.useRealTimers();
    }
  });

  it('says the server cannot be reached when the network fails', async () => {
    server.use(http.get('*/api/articles/:slug', () => HttpResponse.error()));
    renderApp(seedPath);
    expect(await screen.findByRole('alert')).toHaveTextContent('Can’t reach the server');
  });
});
