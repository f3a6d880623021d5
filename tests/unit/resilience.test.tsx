import { onlineManager } from '@tanstack/react-query';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { resetMockDb } from '../../mocks/db';
import { server } from '../../mocks/node';
import { setMockScenario } from '../../mocks/scenario';
import { commentDraft } from '../../src/features/comments/comment-draft';
import {
  articleUrl,
  commentSaying,
  commentsSaying as shown,
  commentsUrl,
  countHeading,
  field,
  openArticle,
  postButton,
  slug,
} from '../comment-helpers';
import { renderApp } from '../render';

async function writeComment(user: ReturnType<typeof renderApp>['user'], comment: string) {
  await user.type(field('Comment'), comment);
  await user.type(field('Name'), 'Ada Reader');
  await user.type(field('Email'), 'ada@example.com');
}

/** Everything the app keeps in this browser, as one string (the mock server's database aside). */
const storedText = () =>
  Object.keys(localStorage)
    .filter((key) => !key.startsWith('mock-api:'))
    .map((key) => localStorage.getItem(key))
    .join('\n');

const clickTryAgain = () => act(() => screen.getByRole('button', { name: 'Try again' }).click());

const goOffline = () => act(() => void window.dispatchEvent(new Event('offline')));
const goOnline = () =>
  act(() => {
    window.dispatchEvent(new Event('online'));
    // react-query's online state is a module singleton here, shared by every "tab" a test opens;
    // with no page mounted nobody hears the event, while a real new tab simply starts online.
    onlineManager.setOnline(true);
  });

afterEach(() => {
  onlineManager.setOnline(true);
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('offline', () => {
  it('keeps a comment posted offline, shows it waiting, and sends it once when back online', async () => {
    const { user, unmount } = await openArticle();
    await goOffline();
    await writeComment(user, 'Written on a train.');
    await user.click(postButton());

    expect(
      await screen.findByText(
        'You’re offline — your comment will be posted when you’re back online.',
      ),
    ).toBeInTheDocument();
    const waiting = commentSaying('Written on a train.');
    expect(within(waiting).getByText('Waiting for a connection to post…')).toBeInTheDocument();
    expect(postButton()).toHaveTextContent('Waiting to post…');
    expect(field('Comment')).toHaveValue('Written on a train.');
    expect(countHeading()).toHaveTextContent('6 thoughts');

    await goOnline();
    expect(await screen.findByText('Your comment was posted.')).toBeInTheDocument();
    expect(shown('Written on a train.')).toHaveLength(1);
    expect(field('Comment')).toHaveValue('');
    unmount();

    await openArticle();
    expect(shown('Written on a train.')).toHaveLength(1);
    expect(countHeading()).toHaveTextContent('6 thoughts');
  });

  /** Posts `text` while offline, then closes the tab (unmounts) with the post still queued. */
  async function queueAndCloseTab(text: string) {
    const tab = await openArticle();
    await goOffline();
    await writeComment(tab.user, text);
    await tab.user.click(postButton());
    await screen.findByText(
      'You’re offline — your comment will be posted when you’re back online.',
    );
    tab.unmount();
    await goOnline();
  }

  it('sends a comment queued in a tab that was then closed on the next visit, exactly once', async () => {
    await queueAndCloseTab('Queued, then the tab closed.');
    const second = renderApp(articleUrl);
    await waitFor(() => expect(shown('Queued, then the tab closed.')).toHaveLength(1));
    await waitFor(() => expect(field('Comment')).toHaveValue(''));
    await waitFor(() => expect(countHeading()).toHaveTextContent('6 thoughts'));
    second.unmount();

    await openArticle();
    expect(shown('Queued, then the tab closed.')).toHaveLength(1);
    expect(field('Comment')).toHaveValue('');
  });

  it('sends a queued comment on the next visit even to a page without comments', async () => {
    await queueAndCloseTab('Sent from the front page.');
    const front = renderApp('/');
    await screen.findByRole('heading', { name: 'Latest stories' });
    // Sent once the queue is empty in storage: nothing is left for a later page to resend.
    await waitFor(() => expect(storedText()).not.toContain('Sent from the front page.'));
    front.unmount();

    await openArticle();
    expect(shown('Sent from the front page.')).toHaveLength(1);
    expect(countHeading()).toHaveTextContent('6 thoughts');
  });

  it('keeps a resumed post that fails on a page with no form queued, and says where it waits', async () => {
    await queueAndCloseTab('Resumed on the front page.');
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let attempts = 0;
    server.use(
      http.post(commentsUrl, () => {
        attempts += 1;
        return HttpResponse.json({ status: 503, message: 'Down' }, { status: 503 });
      }),
    );
    const front = renderApp('/');
    await screen.findByRole('heading', { name: 'Latest stories' });
    // Retried by itself first, 2, 4 and 8 s apart, as the form would.
    for (const attempt of [1, 2, 3, 4]) {
      await waitFor(() => expect(attempts).toBe(attempt));
      if (attempt < 4) await act(() => vi.advanceTimersByTimeAsync(1000 * 2 ** attempt));
    }
    const notice = await screen.findByText(/^1 comment waiting to be posted\./);
    expect(within(notice).getByRole('link', { name: 'Go to the article' })).toHaveAttribute(
      'href',
      `${articleUrl}#comments`,
    );
    expect(storedText()).toContain('Resumed on the front page.');

    server.resetHandlers();
    await front.user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(storedText()).not.toContain('Resumed on the front page.'));
    expect(screen.queryByText(/waiting to be posted/)).not.toBeInTheDocument();
    front.unmount();

    await openArticle();
    expect(shown('Resumed on the front page.')).toHaveLength(1);
    expect(countHeading()).toHaveTextContent('6 thoughts');
  });
});

describe('what stays in this browser', () => {
  it('keeps the email of a queued post only until it is settled, unless asked to save it', async () => {
    const { user } = await openArticle();
    await goOffline();
    await writeComment(user, 'Carried with its email.');
    await user.click(postButton());
    await screen.findByText(
      'You’re offline — your comment will be posted when you’re back online.',
    );
    // Queued: the post must carry the email to be sent.
    expect(storedText()).toContain('ada@example.com');

    await goOnline();
    await screen.findByText('Your comment was posted.');
    await waitFor(() => expect(storedText()).not.toContain('ada@example.com'));
    expect(storedText()).not.toContain('Ada Reader');
  });
});

describe('failures', () => {
  it('retries a server error by itself with backoff, showing that it does, and posts once', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    server.use(
      http.post(
        commentsUrl,
        () => HttpResponse.json({ status: 502, message: 'x' }, { status: 502 }),
        {
          once: true,
        },
      ),
    );
    const { user } = await openArticle();
    await writeComment(user, 'Second time lucky.');
    await user.click(postButton());
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('the server had a problem (error 502)');
    expect(alert).toHaveTextContent(/Retrying automatically \(attempt 2 of 4\) in 2 seconds/);
    expect(field('Comment')).toHaveValue('Second time lucky.');

    await act(() => vi.advanceTimersByTimeAsync(2000));
    expect(await screen.findByText('Your comment was posted.')).toBeInTheDocument();
    expect(shown('Second time lucky.')).toHaveLength(1);
  });

  it('gives up on a post the server never answers after 15 s, and resends it with the same client id', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const clientIds: unknown[] = [];
    server.use(
      http.post(
        commentsUrl,
        async ({ request }) => {
          clientIds.push(((await request.json()) as { clientId?: unknown }).clientId);
          return new Promise<never>(() => {}); // a stalled connection
        },
        { once: true },
      ),
    );
    const { user } = await openArticle();
    await writeComment(user, 'Through a stalled proxy.');
    await user.click(postButton());
    expect(postButton()).toHaveTextContent('Posting…');
    await waitFor(() => expect(clientIds).toHaveLength(1));

    await act(() => vi.advanceTimersByTimeAsync(15_000));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Your comment wasn’t sent: the server can’t be reached.');
    expect(alert).toHaveTextContent(/Retrying automatically \(attempt 2 of 4\)/);
    expect(postButton()).toHaveTextContent(/^Post Comment$/);

    server.use(
      http.post(commentsUrl, async ({ request }) => {
        clientIds.push(((await request.clone().json()) as { clientId?: unknown }).clientId);
        return undefined; // on to the mock server
      }),
    );
    await act(() => vi.advanceTimersByTimeAsync(2000));
    expect(await screen.findByText('Your comment was posted.')).toBeInTheDocument();
    expect(shown('Through a stalled proxy.')).toHaveLength(1);
    expect(clientIds).toHaveLength(2);
    expect(clientIds[1]).toBe(clientIds[0]);
  });

  it('shows a comment list the server never sends as unreachable after 10 s', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let asked = false;
    server.use(
      http.get(
        commentsUrl,
        () => {
          asked = true;
          return new Promise<never>(() => {});
        },
        { once: true },
      ),
    );
    renderApp(articleUrl);
    await waitFor(() => expect(asked).toBe(true));
    await act(() => vi.advanceTimersByTimeAsync(10_000));
    expect(await screen.findByRole('alert')).toHaveTextContent('Can’t reach the server');
    await clickTryAgain();
    expect(
      await screen.findByRole('heading', { level: 2, name: /thoughts on/ }),
    ).toBeInTheDocument();
  });

  it('counts down a rate limit and enables the button again when the wait is over', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    server.use(
      http.post(
        commentsUrl,
        () =>
          HttpResponse.json(
            { status: 429, message: 'You are posting comments too quickly. Slow down.' },
            { status: 429, headers: { 'Retry-After': '3' } },
          ),
        { once: true },
      ),
    );
    const { user } = await openArticle();
    await writeComment(user, 'Patience.');
    await user.click(postButton());
    expect(await screen.findByRole('alert')).toHaveTextContent('You can post again in 3 seconds.');
    expect(postButton()).toHaveTextContent('Post Comment (wait 3 s)');
    expect(postButton()).toHaveAttribute('aria-disabled', 'true');

    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(postButton()).toHaveTextContent('Post Comment (wait 2 s)');
    await act(() => vi.advanceTimersByTimeAsync(2000));
    expect(screen.getByRole('alert')).toHaveTextContent('You can post your comment now.');
    expect(postButton()).toHaveTextContent(/^Post Comment$/);
    expect(postButton()).not.toHaveAttribute('aria-disabled');

    await user.click(postButton());
    expect(await screen.findByText('Your comment was posted.')).toBeInTheDocument();
  });

  it('explains an unreadable reply, logs its cause once, and lets the reader retry', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    server.use(
      http.post(commentsUrl, () => new HttpResponse('{"comment": {"id": 4', { status: 201 }), {
        once: true,
      }),
    );
    const { user } = await openArticle();
    await writeComment(user, 'Through a broken proxy.');
    await user.click(postButton());
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('We couldn’t read the server’s reply');
    expect(
      log.mock.calls.filter(([message]) => String(message).startsWith('Unreadable reply')),
    ).toHaveLength(1);
    expect(field('Comment')).toHaveValue('Through a broken proxy.');

    await user.click(within(alert).getByRole('button', { name: 'Try again now' }));
    expect(await screen.findByText('Your comment was posted.')).toBeInTheDocument();
    expect(shown('Through a broken proxy.')).toHaveLength(1);
  });

  it('shows an HTML error page from the comments API as a server error, keeping the article', async () => {
    server.use(
      http.get(commentsUrl, () => HttpResponse.html('<h1>502 Bad Gateway</h1>', { status: 502 })),
    );
    renderApp(articleUrl);
    expect(await screen.findByRole('alert')).toHaveTextContent('The server had a problem');
    expect(screen.getByRole('heading', { level: 1 })).toBeInTheDocument();
  });
});

describe('leaving with unsent text', () => {
  it('asks before an in-app link takes the reader away, and stays if they say no', async () => {
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    const { user, history } = await openArticle();
    await user.type(field('Comment'), 'Not finished');
    await user.click(screen.getByRole('link', { name: 'The Daily Thread' }));
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(history.location.pathname).toBe(articleUrl);
    expect(field('Comment')).toHaveValue('Not finished');

    confirm.mockReturnValue(true);
    await user.click(screen.getByRole('link', { name: 'The Daily Thread' }));
    expect(await screen.findByRole('heading', { name: 'Latest stories' })).toBeInTheDocument();
  });

  it('asks before the tab is closed, only while there is unsent text', async () => {
    const { user } = await openArticle();
    const closeTab = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(closeTab()).toBe(false);
    await user.type(field('Comment'), 'Unsent');
    expect(closeTab()).toBe(true);
    await user.clear(field('Comment'));
    expect(closeTab()).toBe(false);
  });
});

describe('two tabs', () => {
  it('never clears words typed in another tab when this one posts', async () => {
    const { user, unmount } = await openArticle();
    await writeComment(user, 'Posted from tab one.');
    // Meanwhile, another tab of the same article has kept typing its own draft.
    commentDraft.save(slug, null, 'Still typing in tab two');
    await user.click(postButton());
    await screen.findByText('Your comment was posted.');
    unmount();

    await openArticle(); // a reload restores the most recently typed draft
    expect(field('Comment')).toHaveValue('Still typing in tab two');
  });
});

describe('mock scenarios', () => {
  it('"error" fails comment posts with a 500 while pages load', async () => {
    setMockScenario('error');
    const { user } = await openArticle();
    await writeComment(user, 'Into the void.');
    await user.click(postButton());
    expect(await screen.findByRole('alert')).toHaveTextContent('(error 500)');
  });

  it('"rate-limit" answers posts with 429 and Retry-After: 5', async () => {
    setMockScenario('rate-limit');
    const { user } = await openArticle();
    await writeComment(user, 'Too soon.');
    await user.click(postButton());
    expect(await screen.findByRole('alert')).toHaveTextContent('You can post again in 5 seconds.');
  });

  it('"malformed" breaks every reply, and the page says so', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    setMockScenario('malformed');
    renderApp(articleUrl);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The server sent a reply we couldn’t read.',
    );
  });

  it('"offline" makes the server unreachable', async () => {
    setMockScenario('offline');
    renderApp('/');
    expect(await screen.findByRole('alert')).toHaveTextContent('Can’t reach the server');
  });

  it('"empty" has no articles', async () => {
    setMockScenario('empty');
    renderApp('/');
    expect(await screen.findByText('No stories yet. Check back soon.')).toBeInTheDocument();
  });

  it('resetMockDb puts the seeded comments back', async () => {
    const { user, unmount } = await openArticle();
    await writeComment(user, 'Soon forgotten.');
    await user.click(postButton());
    await screen.findByText('Your comment was posted.');
    unmount();
    resetMockDb();
    cleanup();
    await openArticle();
    expect(shown('Soon forgotten.')).toHaveLength(0);
    expect(countHeading()).toHaveTextContent('5 thoughts');
  });
});
