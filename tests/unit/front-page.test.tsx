import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { nightTrains } from '../../mocks/fixtures/articles/night-trains';
import { putinMeetsChinaDefenseMinister } from '../../mocks/fixtures/articles/putin-meets-china-defense-minister';
import { rooftopGardens } from '../../mocks/fixtures/articles/rooftop-gardens';
import { server } from '../../mocks/node';
import { renderApp } from '../render';

describe('front page', () => {
  it('lists the stories newest first, each with a link, summary, date and thumbnail', async () => {
    renderApp('/');
    const list = await screen.findByRole('list');
    const items = within(list).getAllByRole('listitem');
    const headlines = items.map(
      (item) => within(item).getByRole('heading', { level: 2 }).textContent,
    );
    expect(headlines).toEqual([
      'Putin meets with China’s defense minister in Moscow',
      'Sample story: A rooftop garden feeds a city block',
      'Sample story: Night trains make a quiet comeback',
    ]);
    const dates = items.map((item) => item.querySelector('time')?.getAttribute('datetime') ?? '');
    expect([...dates].sort().reverse()).toEqual(dates);
    for (const item of items) {
      expect(within(item).getByRole('link')).toHaveAttribute(
        'href',
        expect.stringMatching(/^\/articles\//),
      );
      expect(item.querySelector('img')).toHaveAttribute('width');
    }
    expect(document.title).toBe('The Daily Thread — news, with comments worth reading');
  });

  it('opens the full article when a headline is chosen', async () => {
    const { user, history } = renderApp('/');
    await user.click(
      await screen.findByRole('link', {
        name: 'Putin meets with China’s defense minister in Moscow',
      }),
    );
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Putin meets with China’s defense minister in Moscow',
      }),
    ).toBeInTheDocument();
    expect(history.location.pathname).toBe(
      '/articles/putin-meets-china-defense-minister-in-moscow',
    );
    // Like a page load: focus at the start of the new page, not on a link that is gone.
    expect(screen.getByRole('main')).toHaveFocus();
  });

  it('shows an error with a retry when the list fails', async () => {
    server.use(http.get('*/api/articles', () => HttpResponse.error(), { once: true }));
    const { user } = renderApp('/');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Can’t reach the server');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findAllByRole('listitem')).toHaveLength(3);
  });

  it('skips a story it cannot show, with one warning, and lists the others', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    server.use(
      http.get('*/api/articles', () =>
        HttpResponse.json({
          articles: [
            { ...putinMeetsChinaDefenseMinister, slug: 'Not A Slug!' },
            rooftopGardens,
            nightTrains,
          ],
        }),
      ),
    );
    renderApp('/');
    const list = await screen.findByRole('list');
    expect(
      within(list)
        .getAllByRole('heading', { level: 2 })
        .map((h) => h.textContent),
    ).toEqual([
      'Sample story: A rooftop garden feeds a city block',
      'Sample story: Night trains make a quiet comeback',
    ]);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it('shows a page-not-found message for an unknown address', async () => {
    renderApp('/nowhere/at/all');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Page not found' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the front page' })).toHaveAttribute('href', '/');
  });
});
