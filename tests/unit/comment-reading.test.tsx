import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { moderationDb } from '../../mocks/moderation-db';
import { server } from '../../mocks/node';
import { liveCheckIntervalMs } from '../../src/features/comments/comment-queries';
import { renderApp } from '../render';
import {
  articleUrl,
  commentSaying,
  commentSection,
  commentsApi as api,
  slug,
  openArticle,
  topLevelAuthors,
} from '../comment-helpers';

/** Another reader, in another browser, posting through the API. */
async function postAsSomeoneElse(comment: string, parentId: string | null = null, n = 0) {
  const response = await fetch(api, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      comment,
      name: `Other Reader ${n}`,
      email: `other.${n}.${crypto.randomUUID()}@example.com`,
      website: '',
      parentId,
      clientId: crypto.randomUUID(),
    }),
  });
  const body = (await response.json()) as { comment: { id: string } };
  return body.comment.id;
}

describe('sorting', () => {
  it('offers oldest first (the default) and newest first, and remembers the choice', async () => {
    const first = await openArticle();
    const sort = screen.getByRole('combobox', { name: 'Sort comments' });
    expect(sort).toHaveDisplayValue('Oldest first');
    expect(topLevelAuthors()).toEqual(['Marta Kowalczyk', 'Lena Hoffmann', 'Sam Whitaker']);

    await first.user.selectOptions(sort, 'Newest first');
    await waitFor(() =>
      expect(topLevelAuthors()).toEqual(['Sam Whitaker', 'Lena Hoffmann', 'Marta Kowalczyk']),
    );
    // Replies still read oldest first under their parent.
    const marta = commentSaying(/senior partner/);
    expect(within(marta).getByText(/mostly a list of exercises/)).toBeInTheDocument();
    first.unmount();

    await openArticle();
    expect(screen.getByRole('combobox', { name: 'Sort comments' })).toHaveDisplayValue(
      'Newest first',
    );
    expect(topLevelAuthors()[0]).toBe('Sam Whitaker');
  });
});

describe('changing the order', () => {
  it('keeps the select focused and the list on screen until the new order arrives, then says so', async () => {
    const { user } = await openArticle();
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    server.use(
      http.get(`${api}`, async ({ request }) => {
        if (new URL(request.url).searchParams.get('order') === 'newest') await gate;
        return undefined; // on to the mock server
      }),
    );
    const sort = screen.getByRole('combobox', { name: 'Sort comments' });
    await user.selectOptions(sort, 'Newest first');
    // While the new order loads: the same control, still focused, over the list as it was.
    expect(screen.getByRole('combobox', { name: 'Sort comments' })).toBe(sort);
    expect(sort).toHaveFocus();
    expect(topLevelAuthors()).toEqual(['Marta Kowalczyk', 'Lena Hoffmann', 'Sam Whitaker']);
    expect(screen.queryByText('Comments sorted newest first.')).not.toBeInTheDocument();

    release();
    await waitFor(() =>
      expect(topLevelAuthors()).toEqual(['Sam Whitaker', 'Lena Hoffmann', 'Marta Kowalczyk']),
    );
    expect(sort).toHaveFocus();
    expect(await screen.findByText('Comments sorted newest first.')).toBeInTheDocument();
  });
});

describe('live comments', () => {
  it('checks for news on an interval too, without the reader doing anything', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      await openArticle();
      await postAsSomeoneElse('Posted while the tab stayed in front.');
      expect(
        screen.queryByRole('button', { name: /new comments? — show/ }),
      ).not.toBeInTheDocument();
      await act(() => vi.advanceTimersByTimeAsync(liveCheckIntervalMs));
      expect(
        await screen.findByRole('button', { name: '1 new comment — show' }),
      ).toBeInTheDocument();
    } finally {
      vi.useRealTimers();
    }
  });

  it('announces comments posted by others as a button, and shows them only when asked', async () => {
    const { user } = await openArticle();
    await postAsSomeoneElse('Arrived while you were reading.');
    await postAsSomeoneElse('And another one.', null, 1);

    // Coming back to the tab checks for news; nothing moves in the list by itself.
    act(() => void document.dispatchEvent(new Event('visibilitychange', { bubbles: true })));
    const button = await screen.findByRole('button', { name: '2 new comments — show' });
    expect(screen.queryByText('Arrived while you were reading.')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: /^5 thoughts/ })).toBeInTheDocument();

    await user.click(button);
    expect(await screen.findByText('Arrived while you were reading.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: /^7 thoughts/ })).toHaveFocus();
    expect(screen.getByText('2 new comments shown.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /new comments? — show/ })).not.toBeInTheDocument();
  });

  it('does not count the reader’s own comment as news', async () => {
    const { user } = await openArticle();
    await user.type(screen.getByLabelText(/^Comment/), 'My own words.');
    await user.type(screen.getByLabelText(/^Name/), 'Ada');
    await user.type(screen.getByLabelText(/^Email/), 'ada@example.com');
    await user.click(screen.getByRole('button', { name: 'Post Comment' }));
    await screen.findByText('Your comment was posted.');
    act(() => void document.dispatchEvent(new Event('visibilitychange', { bubbles: true })));
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 2, name: /^6 thoughts/ })).toBeInTheDocument(),
    );
    expect(screen.queryByRole('button', { name: /new comments? — show/ })).not.toBeInTheDocument();
  });
});

describe('long branches', () => {
  it('shows the first replies and a "Show N more replies" button for the rest', async () => {
    const replyIds: string[] = [];
    for (let i = 0; i < 7; i += 1)
      replyIds.push(await postAsSomeoneElse(`Reply number ${i + 1}`, '4', i));
    const { user } = await openArticle();
    const lena = commentSaying(/no weapons/);
    expect(within(lena).getByText('Reply number 3')).toBeInTheDocument();
    expect(within(lena).queryByText('Reply number 4')).not.toBeInTheDocument();

    await user.click(
      within(lena).getByRole('button', { name: 'Show 4 more replies to Lena Hoffmann' }),
    );
    expect(within(lena).getByText('Reply number 7')).toBeInTheDocument();
    expect(document.querySelector(`#comment-${replyIds[3]} article`)).toHaveFocus();
  });

  it('opens a collapsed branch when a permalink points into it', async () => {
    const replyIds: string[] = [];
    for (let i = 0; i < 7; i += 1)
      replyIds.push(await postAsSomeoneElse(`Deep link ${i + 1}`, '4', i));
    cleanup();
    window.history.replaceState(null, '', `#comment-${replyIds[6]}`);
    try {
      await openArticle();
      const target = commentSaying('Deep link 7');
      await waitFor(() => expect(target.querySelector('article')).toHaveFocus());
      expect(target).toHaveClass('comment--highlighted');
    } finally {
      window.history.replaceState(null, '', window.location.pathname);
    }
  });
});

describe('sharing a comment', () => {
  it('copies a link to the comment itself, and says so', async () => {
    const { user } = await openArticle();
    const lena = commentSaying(/no weapons/);
    await user.click(
      within(lena).getByRole('button', { name: 'Copy link to the comment by Lena Hoffmann' }),
    );
    expect(await within(lena).findByText('Link copied')).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe(
      `${window.location.origin}${articleUrl}#comment-4`,
    );
  });
});

describe('moving between comments by keyboard', () => {
  it('goes to the next and previous comment with J and K, but not while typing', async () => {
    const { user } = await openArticle();
    expect(
      screen.getByText(
        (_, el) =>
          el?.textContent ===
          'Tip: in the comments, press J and K to move to the next and previous comment.',
      ),
    ).toBeInTheDocument();
    const articles = () => within(commentSection()).getAllByRole('article');
    act(() => screen.getByRole('heading', { level: 2, name: /thoughts on/ }).focus());
    await user.keyboard('j');
    expect(articles()[0]).toHaveFocus();
    await user.keyboard('jj');
    expect(articles()[2]).toHaveFocus();
    await user.keyboard('k');
    expect(articles()[1]).toHaveFocus();

    await user.click(screen.getByLabelText(/^Comment/));
    await user.keyboard('jk');
    expect(screen.getByLabelText(/^Comment/)).toHaveValue('jk');
  });

  it('leaves J and K alone while focus is outside the comment section (WCAG 2.1.4)', async () => {
    const { user } = await openArticle();
    act(() => screen.getByRole('heading', { level: 1 }).closest('article')?.focus());
    act(() => (document.activeElement as HTMLElement | null)?.blur());
    expect(document.body).toHaveFocus();
    await user.keyboard('j');
    expect(document.body).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Display settings' }));
    await user.keyboard('j');
    expect(screen.getByRole('button', { name: 'Display settings' })).toHaveFocus();
    // The shortcut is listed with the display settings.
    const settings = screen.getByRole('group', { name: 'Display settings' });
    expect(within(settings).getByText('Keyboard shortcuts')).toBeVisible();
    expect(settings).toHaveTextContent(
      'In the comments, J and K move to the next and previous comment.',
    );
  });
});

describe('more pages', () => {
  it('shows every thread of the next page after "Load more comments", in order, then no button', async () => {
    const { db } = await import('../../mocks/db');
    const { slug } = await import('../comment-helpers');
    // The seed's three threads and 57 more: page 1 has 50 threads, page 2 the other 10.
    for (let i = 1; i <= 57; i += 1) {
      db.insert({
        articleSlug: slug,
        parentId: null,
        author: `Reader ${String(i).padStart(2, '0')}`,
        email: `reader${i}@example.com`,
        website: null,
        content: `Thread number ${i}.`,
        createdAt: new Date(Date.UTC(2023, 4, 1, 0, i)).toISOString(),
        status: 'approved',
        authorToken: null,
        clientId: null,
        editToken: null,
      });
    }
    const { user } = await openArticle();
    expect(topLevelAuthors()).toHaveLength(50);
    expect(topLevelAuthors().at(-1)).toBe('Reader 47');

    await user.click(await screen.findByRole('button', { name: 'Load more comments' }));
    await waitFor(() => expect(topLevelAuthors()).toHaveLength(60));
    expect(topLevelAuthors().slice(50)).toEqual(
      Array.from({ length: 10 }, (_, i) => `Reader ${String(48 + i).padStart(2, '0')}`),
    );
    expect(screen.queryByRole('button', { name: 'Load more comments' })).not.toBeInTheDocument();
  });
});

describe('an article closed to comments', () => {
  it('shows its comments, says comments are closed, and offers no form and no Reply', async () => {
    moderationDb.change((state) => {
      state.settings = { ...state.settings, closedArticles: [slug] };
    });
    renderApp(articleUrl);
    expect(await screen.findByText('Comments are closed.')).toBeInTheDocument();
    expect(commentSaying(/senior partner/)).toBeInTheDocument();
    expect(within(commentSection()).queryAllByRole('button', { name: /^Reply to/ })).toHaveLength(
      0,
    );
    expect(screen.queryByRole('region', { name: 'Leave a Reply' })).not.toBeInTheDocument();
    expect(screen.queryByLabelText(/^Comment/)).not.toBeInTheDocument();
  });
});
