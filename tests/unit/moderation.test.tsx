import { act, screen, waitFor, within } from '@testing-library/react';
import { server } from '../../mocks/node';
import { devModeratorAccount } from '../../mocks/moderation-db';
import { articleUrl, commentsApi, openArticle } from '../comment-helpers';
import { renderApp } from '../render';

beforeAll(async () => {
  await import('../../src/features/moderation/moderation-root');
});

/** A reader's comment with two links: the mock's rules hold it for moderation. */
async function postHeld(text: string, name = 'Hilda Held') {
  const response = await fetch(commentsApi, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      comment: `${text} https://one.example/a and https://two.example/b`,
      name,
      email: `${name.split(' ')[0]?.toLowerCase()}@example.com`,
      website: '',
      parentId: null,
      clientId: crypto.randomUUID(),
    }),
  });
  expect(response.status).toBe(201);
}

async function signIn(url = '/moderate') {
  const view = renderApp(url);
  const { user } = view;
  await screen.findByRole('heading', { level: 1, name: 'Sign in to moderate' });
  await user.type(screen.getByLabelText('Email'), devModeratorAccount.email);
  await user.type(screen.getByLabelText('Password'), devModeratorAccount.password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  await screen.findByRole('heading', { level: 1, name: 'Comments' });
  return view;
}

const queueItem = (text: string) =>
  screen.queryAllByRole('article').find((item) => item.textContent?.includes(text)) ?? null;
const findQueueItem = (text: string) =>
  waitFor(() => {
    const item = queueItem(text);
    if (!item) throw new Error(`no queue item says "${text}"`);
    return item;
  });
/** The screens' status region, where results are announced with their Undo. */
function toast(): HTMLElement {
  const region = screen
    .getAllByRole('status')
    .find((element) => element.classList.contains('moderation-toast'));
  if (!region) throw new Error('no moderation status region');
  return region;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('signing in', () => {
  it('says what is missing beside each field, and focuses the first', async () => {
    const { user } = renderApp('/moderate');
    const heading = await screen.findByRole('heading', { level: 1, name: 'Sign in to moderate' });
    expect(heading).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const email = screen.getByLabelText('Email');
    expect(email).toHaveAccessibleDescription('Enter the email address of your moderator account.');
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('Enter your password.');
    await waitFor(() => expect(email).toHaveFocus());
  });

  it('refuses a wrong password in an alert that takes focus, without saying whether the account exists', async () => {
    const { user } = renderApp('/moderate');
    await user.type(await screen.findByLabelText('Email'), 'nobody@example.test');
    await user.type(screen.getByLabelText('Password'), 'guess');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The email address or password is not right.');
    await waitFor(() => expect(alert).toHaveFocus());
    expect(screen.getByLabelText('Password')).toHaveValue('');
  });

  it('locks sign-in after repeated failures and says until what time', async () => {
    const { user } = renderApp('/moderate');
    await user.type(await screen.findByLabelText('Email'), devModeratorAccount.email);
    let text = '';
    for (let attempt = 0; attempt < 8 && !/locked/.test(text); attempt += 1) {
      await user.type(screen.getByLabelText('Password'), `wrong ${attempt}`);
      await user.click(screen.getByRole('button', { name: 'Sign in' }));
      await screen.findByRole('button', { name: 'Sign in' });
      text = (await screen.findByRole('alert')).textContent ?? '';
    }
    expect(text).toMatch(/Sign-in is locked until .+ \(in \d+ (seconds?|minutes?)\)\./);
    // Even the right password waits for the lock.
    await user.type(screen.getByLabelText('Password'), devModeratorAccount.password);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(/locked/));
    expect(screen.getByRole('heading', { level: 1, name: 'Sign in to moderate' })).toBeVisible();
  });

  it('signs in, remembers only a hint in this browser, and signs out (here, or everywhere)', async () => {
    const { user, unmount } = await signIn();
    expect(screen.getByText(/Signed in as/)).toHaveTextContent(devModeratorAccount.name);
    expect(localStorage.getItem('moderation:signed-in')).toBe('true');
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await screen.findByRole('heading', { level: 1, name: 'Sign in to moderate' });
    expect(localStorage.getItem('moderation:signed-in')).toBeNull();
    unmount();

    const again = await signIn();
    await again.user.click(screen.getByRole('button', { name: 'Sign out everywhere' }));
    await screen.findByRole('heading', { level: 1, name: 'Sign in to moderate' });
    again.unmount();
    // A reload: the session is gone on the server too.
    renderApp('/moderate');
    await screen.findByRole('heading', { level: 1, name: 'Sign in to moderate' });
  });
});

describe('the queue', () => {
  it('shows a held comment with its article, private details, links marked as text and why it was held', async () => {
    await postHeld('Have a look at');
    await signIn();
    const tabs = screen.getByRole('navigation', { name: 'Comment status' });
    expect(within(tabs).getByRole('link', { name: /^Pending \(\d+\)/ })).toHaveAttribute(
      'aria-current',
      'page',
    );
    for (const tab of ['Approved', 'Spam', 'Trash']) {
      expect(
        within(tabs).getByRole('link', { name: new RegExp(`^${tab} \\(\\d+\\)`) }),
      ).toBeVisible();
    }
    const item = await findQueueItem('Have a look at');
    expect(item).toHaveAccessibleName('Hilda Held');
    expect(within(item).getByText('hilda@example.com')).toBeVisible();
    expect(within(item).getByText('Held for:').parentElement).toHaveTextContent('too many links');
    const marks = item.querySelectorAll('mark');
    expect([...marks].map((m) => m.textContent)).toEqual([
      'link: https://one.example/a',
      'link: https://two.example/b',
    ]);
    // Text, never markup or a link to follow.
    expect(within(item).queryByRole('link', { name: /one\.example/ })).toBeNull();
  });

  it('approves a comment: gone from Pending, announced with Undo, and undone', async () => {
    await postHeld('Approve me please');
    const { user } = await signIn();
    const item = await findQueueItem('Approve me please');
    await user.click(within(item).getByRole('button', { name: 'Approve' }));
    await waitFor(() => expect(queueItem('Approve me please')).toBeNull());
    await waitFor(() =>
      expect(toast()).toHaveTextContent('The comment by Hilda Held was approved.'),
    );
    await user.click(within(toast()).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(toast()).toHaveTextContent('Undone.'));
    expect(await findQueueItem('Approve me please')).toBeVisible();
  });

  it('acts on a selection from the bulk bar, then deletes from the trash after a confirmation', async () => {
    await postHeld('First of two', 'Ann One');
    await postHeld('Second of two', 'Bob Two');
    const { user } = await signIn();
    await findQueueItem('Second of two');
    await user.click(screen.getByRole('checkbox', { name: 'Select the comment by Ann One' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select the comment by Bob Two' }));
    expect(screen.getByText('2 selected')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Trash the selected comments' }));
    await waitFor(() => expect(toast()).toHaveTextContent('2 comments were moved to the trash.'));

    await user.click(screen.getByRole('link', { name: /^Trash \(/ }));
    const trashed = await findQueueItem('First of two');
    await user.click(within(trashed).getByRole('button', { name: 'Delete permanently' }));
    const confirm = within(trashed).getByRole('group', {
      name: /Delete the comment by Ann One permanently\?/,
    });
    expect(within(confirm).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(confirm).getByRole('button', { name: 'Yes, delete permanently' }));
    await waitFor(() => expect(toast()).toHaveTextContent('was deleted permanently'));
    expect(within(toast()).queryByRole('button', { name: 'Undo' })).toBeNull();
    await waitFor(() => expect(queueItem('First of two')).toBeNull());
  });

  it('works by keyboard: J/K move between comments, S marks the focused one as spam', async () => {
    await postHeld('Keyboard one', 'Kim One');
    await postHeld('Keyboard two', 'Kai Two');
    const { user } = await signIn();
    await findQueueItem('Keyboard two');
    screen.getByRole('heading', { level: 2, name: /^Pending:/ }).focus();
    within(screen.getByRole('list', { name: 'Pending comments' }))
      .getAllByRole('article')[0]
      ?.focus();
    const first = document.activeElement as HTMLElement;
    await user.keyboard('j');
    expect(document.activeElement).not.toBe(first);
    expect(document.activeElement).toHaveAttribute('data-queue-item');
    await user.keyboard('k');
    expect(document.activeElement).toBe(first);
    const name = first.getAttribute('aria-labelledby');
    const author = name ? document.getElementById(name)?.textContent : '';
    await user.keyboard('s');
    await waitFor(() =>
      expect(toast()).toHaveTextContent(`The comment by ${author} was marked as spam.`),
    );
  });

  it('edits the text inline and replies as the site', async () => {
    await postHeld('Teh typo here');
    const { user } = await signIn();
    const item = await findQueueItem('Teh typo here');
    await user.click(within(item).getByRole('button', { name: 'Edit' }));
    const box = within(item).getByRole('textbox', { name: 'Edit the comment by Hilda Held' });
    expect(box).toHaveFocus();
    await user.clear(box);
    await user.click(within(item).getByRole('button', { name: 'Save' }));
    expect(within(item).getByRole('alert')).toHaveTextContent('The comment cannot be empty');
    await user.type(box, 'The typo fixed');
    await user.click(within(item).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(toast()).toHaveTextContent('The comment by Hilda Held was edited.'));
    expect(await findQueueItem('The typo fixed')).toBeVisible();

    const edited = await findQueueItem('The typo fixed');
    await user.click(within(edited).getByRole('button', { name: 'Reply' }));
    await user.type(
      within(edited).getByRole('textbox', { name: 'Reply to Hilda Held as the site' }),
      'Thanks, fixed.',
    );
    await user.click(within(edited).getByRole('button', { name: 'Publish reply' }));
    await waitFor(() =>
      expect(toast()).toHaveTextContent('Your reply to Hilda Held was published.'),
    );
  });

  it('searches by text and filters by article through the address', async () => {
    await postHeld('Needle in the haystack');
    const { user, history } = await signIn();
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'needle');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    expect(history.location.search).toBe('?q=needle');
    await screen.findByRole('heading', { level: 2, name: /matching “needle”/ });
    expect(await findQueueItem('Needle in the haystack')).toBeVisible();
  });
});

describe('settings, audit log and privacy requests', () => {
  it('shows a validation error beside the field, and saves the rules', async () => {
    const { user } = await signIn();
    await user.click(screen.getByRole('link', { name: 'Settings' }));
    const links = await screen.findByLabelText('Hold a comment with at least this many links');
    expect(links).toHaveValue(2);
    await user.clear(links);
    await user.type(links, '500');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(links).toHaveAttribute('aria-invalid', 'true');
    expect(links).toHaveAccessibleDescription(
      expect.stringContaining('Links: enter a whole number from 0 to 100.') as string,
    );
    await user.clear(links);
    await user.type(links, '3');
    await user.type(screen.getByLabelText('Moderation words'), 'casino');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(toast()).toHaveTextContent('The settings were saved.'));

    await user.click(screen.getByRole('link', { name: 'Audit log' }));
    const table = await screen.findByRole('table');
    expect(within(table).getByText('Changed the settings')).toBeVisible();
    expect(within(table).getByText(devModeratorAccount.name)).toBeVisible();
  }, 15_000);

  it('finds a person’s comments by email, offers a JSON download and erases after a confirmation', async () => {
    await postHeld('Please forget me', 'Fay Gone');
    const { user } = await signIn();
    await user.click(screen.getByRole('link', { name: 'Privacy requests' }));
    await user.type(await screen.findByLabelText('Email address'), 'fay@example.com');
    await user.click(screen.getByRole('button', { name: 'Find comments' }));
    const results = await screen.findByRole('heading', {
      level: 2,
      name: '1 comment by fay@example.com',
    });
    await waitFor(() => expect(results).toHaveFocus());
    expect(screen.getByRole('button', { name: 'Download as JSON' })).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Erase this person’s data' }));
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Yes, erase' }));
    await waitFor(() =>
      expect(toast()).toHaveTextContent('1 comment by fay@example.com was erased.'),
    );
  });
});

describe('on an article page', () => {
  it('a reader’s page asks nothing of the moderation API', async () => {
    const asked: string[] = [];
    const listener = ({ request }: { request: Request }) =>
      asked.push(new URL(request.url).pathname);
    server.events.on('request:start', listener);
    try {
      await openArticle();
      await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    } finally {
      server.events.removeListener('request:start', listener);
    }
    expect(asked.filter((path) => path.startsWith('/api/moderation'))).toEqual([]);
    expect(screen.queryByRole('group', { name: /^Moderate/ })).toBeNull();
  });

  it('a signed-in moderator approves a held comment in place and takes a published one down', async () => {
    await postHeld('Held on the article');
    const { unmount } = await signIn();
    unmount();
    const { user } = await openArticle(articleUrl);
    const held = await screen.findByRole('region', { name: /Awaiting moderation on this article/ });
    const group = within(held).getByRole('group', { name: 'Moderate the comment by Hilda Held' });
    await user.click(within(group).getByRole('button', { name: 'Approve' }));
    await screen.findByText('The comment by Hilda Held was approved.');
    const published = await screen.findByText(/Held on the article/, {
      selector: '.comment__text p',
    });
    const comment = published.closest('article');
    if (!comment) throw new Error('the approved comment is not in the thread');
    const menu = await within(comment).findByRole('group', {
      name: /Moderate the comment by Hilda Held/,
    });
    await user.click(within(menu).getByRole('button', { name: 'Take down' }));
    await screen.findByText('The comment by Hilda Held was moved to the trash.');
    await waitFor(() =>
      expect(
        screen.queryByText(/Held on the article/, { selector: '.comment__text p' }),
      ).toBeNull(),
    );
  }, 15_000);
});
