import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { server } from '../../mocks/node';
import { commentPageSchema } from '../../src/contract/comments';
import {
  articleUrl,
  commentsApi,
  commentSaying as commentWithText,
  commentsSaying,
  commentsUrl,
  countHeading,
  field,
  fillForm,
  headline,
  openArticle,
  postButton,
  slug,
} from '../comment-helpers';
import { renderApp } from '../render';

describe('the comment list', () => {
  it('shows the count and each comment with author, linked website, date, text and a reply button', async () => {
    await openArticle();
    expect(countHeading()).toHaveTextContent(`5 thoughts on “${headline}”`);

    const marta = commentWithText('the real story here');
    const author = within(marta).getAllByRole('link', { name: 'Marta Kowalczyk' })[0];
    expect(author).toHaveAttribute('href', 'https://example.com/marta');
    expect(author).toHaveAttribute('rel', 'nofollow ugc noopener');
    const time = marta.querySelector('time');
    expect(time).toHaveAttribute('datetime', '2023-04-16T17:42:00Z');
    expect(time).toHaveTextContent(/2023/);
    expect(
      within(marta).getAllByRole('button', { name: 'Reply to Marta Kowalczyk' })[0],
    ).toBeInTheDocument();

    // Blank lines make paragraphs; single newlines make line breaks.
    const paragraphs = marta.querySelector('.comment__text')?.querySelectorAll('p');
    expect(paragraphs).toHaveLength(2);
    const lena = commentWithText('no weapons');
    expect(lena.querySelector('.comment__text p br')).not.toBeNull();
    // No website, no link.
    expect(within(lena).queryByRole('link', { name: 'Lena Hoffmann' })).not.toBeInTheDocument();
  });

  it('nests replies as lists within lists', async () => {
    await openArticle();
    const reply = commentWithText('mostly a list of exercises');
    const parent = commentWithText('the real story here');
    expect(reply.parentElement?.tagName).toBe('OL');
    expect(reply.parentElement?.closest('li')).toBe(parent);
    const nested = commentWithText('That is quite a list.');
    expect(nested.parentElement?.closest('li')).toBe(reply);
  });

  it('invites the first comment when there are none', async () => {
    await openArticle('/articles/rooftop-gardens-sample');
    expect(countHeading()).toHaveTextContent('No comments yet');
    expect(screen.getByText(/Be the first to share what you think/)).toBeInTheDocument();
  });

  it('shows an error with a retry, and never hides the article, when comments fail to load', async () => {
    server.use(
      http.get(
        commentsUrl,
        () => HttpResponse.json({ status: 500, message: 'x' }, { status: 500 }),
        { once: true },
      ),
    );
    const { user } = renderApp(articleUrl);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The server had a problem');
    expect(screen.getByRole('heading', { level: 1, name: headline })).toBeInTheDocument();
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: /5 thoughts on/ })).toBeInTheDocument();
  });

  it('offers “Show comments” while the reader is far from them, and says loading only then', async () => {
    // The reader is near the top of a long article: the section is far off screen.
    class FarAway {
      observe() {}
      unobserve() {}
      disconnect() {}
      takeRecords() {
        return [];
      }
    }
    vi.stubGlobal('IntersectionObserver', FarAway);
    try {
      const { user } = renderApp(articleUrl);
      const show = await screen.findByRole('button', { name: 'Show comments' });
      expect(screen.queryByText('Loading comments…')).not.toBeInTheDocument();
      await user.click(show);
      const heading = await screen.findByRole('heading', { level: 2, name: /5 thoughts on/ });
      await waitFor(() => expect(heading).toHaveFocus());
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('shows a loading state while comments load', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    server.use(http.get(commentsUrl, async () => void (await gate)));
    renderApp(articleUrl);
    // (The section's placeholder says it first, then the section itself, while the request waits.)
    await waitFor(() => expect(screen.getByText('Loading comments…')).toBeInTheDocument());
    release();
    expect(await screen.findByRole('heading', { name: /5 thoughts on/ })).toBeInTheDocument();
  });

  it('scrolls to, focuses and highlights the comment a permalink names', async () => {
    window.history.replaceState(null, '', '#comment-3');
    try {
      await openArticle();
      const target = commentWithText('That is quite a list.');
      await waitFor(() => expect(target.querySelector('article')).toHaveFocus());
      expect(target).toHaveClass('comment--highlighted');
      expect(within(target).getByRole('link', { name: /2023/ })).toHaveAttribute(
        'href',
        '#comment-3',
      );
    } finally {
      window.history.replaceState(null, '', window.location.pathname);
    }
  });
});

describe('a malformed permalink', () => {
  it('ignores a fragment that is not a valid escape (#comment-%E0) and shows the comments', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    window.history.replaceState(null, '', '#comment-%E0');
    try {
      await openArticle();
      expect(countHeading()).toHaveTextContent('5 thoughts on');
      expect(screen.queryByText('The comments couldn’t be shown')).not.toBeInTheDocument();
      expect(log).not.toHaveBeenCalled();
    } finally {
      window.history.replaceState(null, '', window.location.pathname);
      log.mockRestore();
    }
  });
});

describe('the comment form', () => {
  it('matches WordPress: heading, notes, fields in order with the right types, consent, button', async () => {
    await openArticle();
    expect(screen.getByRole('heading', { level: 3, name: 'Leave a Reply' })).toBeInTheDocument();
    expect(screen.getByText('Your email address will not be published.')).toBeInTheDocument();
    expect(screen.getByText(/Required fields are marked/)).toHaveTextContent(
      'Required fields are marked *',
    );

    const form = postButton().closest('form') as HTMLFormElement;
    // Hidden inputs aside (where it goes, and the post's id), as WordPress's comment_parent.
    const controls = [
      ...form.querySelectorAll('textarea, input:not([tabindex="-1"]):not([type="hidden"])'),
    ];
    expect(controls.map((c) => c.getAttribute('type') ?? c.tagName.toLowerCase())).toEqual([
      'textarea',
      'text',
      'email',
      'url',
      'checkbox',
    ]);
    expect(field('Comment')).toBeRequired();
    expect(field('Name')).toHaveAttribute('autocomplete', 'name');
    expect(field('Name')).toBeRequired();
    expect(field('Email')).toHaveAttribute('autocomplete', 'email');
    expect(field('Email')).toBeRequired();
    expect(field('Website')).toHaveAttribute('autocomplete', 'url');
    expect(field('Website')).not.toBeRequired();
    expect(field('Email')).toHaveAccessibleDescription('Your email address will not be published.');
    expect(
      screen.getByRole('checkbox', {
        name: 'Save my name, email, and website in this browser for the next time I comment.',
      }),
    ).not.toBeChecked();
    expect(postButton()).toHaveTextContent('Post Comment');
  });

  it('names each invalid field, says how to fix it, focuses the first and announces the errors', async () => {
    const { user } = await openArticle();
    await fillForm(user, {
      comment: '   ',
      name: '',
      email: 'not-an-email',
      website: 'javascript:alert(1)',
    });
    await user.click(postButton());

    expect(await screen.findByText('Please type your comment text.')).toBeInTheDocument();
    expect(field('Comment')).toHaveAttribute('aria-invalid', 'true');
    expect(field('Comment')).toHaveFocus();
    expect(field('Comment')).toHaveAccessibleDescription('Please type your comment text.');
    expect(field('Name')).toHaveAccessibleDescription('Please enter your name.');
    expect(field('Email')).toHaveAccessibleDescription(
      'Your email address will not be published. Please enter a valid email address, like name@example.com.',
    );
    expect(field('Website')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getAllByRole('alert')[0]).toHaveTextContent(
      'Your comment wasn’t posted: check these 4 fields: Comment, Name, Email, Website.',
    );
    expect(countHeading()).toHaveTextContent('5 thoughts');

    // Once sent, each field is checked again as it changes: a corrected one loses its message.
    await user.type(field('Name'), 'Ada');
    expect(field('Name')).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByText('Please enter your name.')).not.toBeInTheDocument();
    expect(field('Comment')).toHaveAttribute('aria-invalid', 'true');
  });

  it('posts: shows the comment at once, then the saved one, clears the field, counts it and announces it', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    server.use(
      http.post(
        commentsUrl,
        async () => {
          await gate;
          return undefined;
        },
        { once: true },
      ),
    );
    const { user } = await openArticle();
    await fillForm(user, {
      comment: 'First line\nsecond line',
      website: 'https://ada.example.org',
    });
    await user.click(postButton());

    // Optimistic: on screen and counted before the server answers; the button says it is busy.
    const optimistic = await waitFor(() => commentWithText('First line'));
    expect(within(optimistic).getByText('Posting…')).toBeInTheDocument();
    expect(postButton()).toHaveTextContent('Posting…');
    expect(postButton()).toHaveAttribute('aria-disabled', 'true');
    expect(countHeading()).toHaveTextContent('6 thoughts');

    release();
    await waitFor(() => expect(postButton()).toHaveTextContent('Post Comment'));
    const saved = commentWithText('First line');
    expect(saved.id).toMatch(/^comment-\d+$/);
    expect(within(saved).getByRole('link', { name: 'Ada Reader' })).toHaveAttribute(
      'href',
      'https://ada.example.org/',
    );
    expect(field('Comment')).toHaveValue('');
    expect(field('Name')).toHaveValue('Ada Reader');
    expect(countHeading()).toHaveTextContent('6 thoughts');
    expect(screen.getByText('Your comment was posted.')).toBeInTheDocument();
    await waitFor(() => expect(saved.querySelector('article')).toHaveFocus());
  });

  it('sends a comment once however often the button is pressed', async () => {
    const { user, unmount } = await openArticle();
    await fillForm(user, { comment: 'Only once, please.' });
    await user.dblClick(postButton());
    await user.click(postButton());
    await user.type(field('Name'), '{Enter}');
    await waitFor(() => expect(postButton()).toHaveTextContent('Post Comment'));
    expect(screen.getAllByText('Only once, please.')).toHaveLength(1);
    expect(countHeading()).toHaveTextContent('6 thoughts');
    unmount();
    // What the server kept, as a reader sees it after a reload.
    await openArticle();
    expect(screen.getAllByText('Only once, please.')).toHaveLength(1);
    expect(countHeading()).toHaveTextContent('6 thoughts');
  });

  it('shows the server’s field errors on those fields and keeps the text', async () => {
    server.use(
      http.post(commentsUrl, () =>
        HttpResponse.json(
          {
            status: 400,
            message: 'Some fields need attention.',
            fieldErrors: { name: 'That name is reserved.' },
          },
          { status: 400 },
        ),
      ),
    );
    const { user } = await openArticle();
    await fillForm(user, { comment: 'Keep me.' });
    await user.click(postButton());
    expect(await screen.findByText('That name is reserved.')).toBeInTheDocument();
    expect(field('Name')).toHaveAttribute('aria-invalid', 'true');
    expect(field('Name')).toHaveFocus();
    expect(field('Comment')).toHaveValue('Keep me.');
    expect(commentsSaying('Keep me.')).toHaveLength(0);
    expect(countHeading()).toHaveTextContent('5 thoughts');
  });

  it('refuses a duplicate with WordPress’s words', async () => {
    const { user } = await openArticle();
    await fillForm(user, {
      name: 'Sam Whitaker',
      email: 'sam.w@example.com',
      comment: 'Does anyone know where the full Kremlin transcript was published?',
    });
    await user.click(postButton());
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Duplicate comment detected; it looks as though you’ve already said that!',
    );
    expect(field('Comment')).toHaveValue(
      'Does anyone know where the full Kremlin transcript was published?',
    );
  });

  it('slows down a flood and says when to try again', async () => {
    const { user } = await openArticle();
    await fillForm(user, { comment: 'One.' });
    await user.click(postButton());
    await screen.findByText('Your comment was posted.');
    await user.type(field('Comment'), 'Two.');
    await user.click(postButton());
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /^You are posting comments too quickly\. Slow down\. You can post again in 1[0-5] seconds\./,
    );
    expect(postButton()).toHaveAttribute('aria-disabled', 'true');
    expect(field('Comment')).toHaveValue('Two.');
  });

  it('keeps the text and offers a retry after a server error; the retry posts it once', async () => {
    server.use(
      http.post(
        commentsUrl,
        () => HttpResponse.json({ status: 503, message: 'down' }, { status: 503 }),
        { once: true },
      ),
    );
    const { user } = await openArticle();
    await fillForm(user, { comment: 'Survives a 503.' });
    await user.click(postButton());
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('the server had a problem (error 503)');
    expect(field('Comment')).toHaveValue('Survives a 503.');
    expect(commentsSaying('Survives a 503.')).toHaveLength(0);

    await user.click(within(alert).getByRole('button', { name: 'Try again now' }));
    await screen.findByText('Your comment was posted.');
    expect(commentsSaying('Survives a 503.')).toHaveLength(1);
  });

  it('says the server cannot be reached when the network fails, and keeps the text', async () => {
    server.use(http.post(commentsUrl, () => HttpResponse.error()));
    const { user } = await openArticle();
    await fillForm(user, { comment: 'Offline words.' });
    await user.click(postButton());
    expect(await screen.findByRole('alert')).toHaveTextContent('the server can’t be reached');
    expect(field('Comment')).toHaveValue('Offline words.');
  });

  it('holds a comment with two links for moderation, shown only to its author', async () => {
    const { user, unmount } = await openArticle();
    await fillForm(user, { comment: 'See https://a.example and https://b.example for more.' });
    await user.click(postButton());
    expect(
      await screen.findByText('Your comment was received and is awaiting moderation.'),
    ).toBeInTheDocument();
    const held = commentWithText('See https://a.example');
    expect(within(held).getByText('Your comment is awaiting moderation.')).toBeInTheDocument();
    // Held comments cannot be replied to until they are published (the server refuses it).
    expect(within(held).queryByRole('button', { name: /^Reply to/ })).not.toBeInTheDocument();
    await waitFor(() => expect(countHeading()).toHaveTextContent('5 thoughts'));
    unmount();

    // The same browser (same token) sees it after a reload...
    await openArticle();
    expect(commentWithText('See https://a.example')).toBeInTheDocument();
    cleanup();
    // ...and on a page whose HTML brought page 1 as everyone sees it (without it), asked again.
    const response = await fetch(`${commentsApi}?order=oldest&limit=50`);
    const page = commentPageSchema.parse(await response.json());
    expect(page.comments.some((c) => c.content.includes('https://a.example'))).toBe(false);
    renderApp(articleUrl, { initialComments: { slug, order: 'oldest', page } });
    expect(await screen.findByText(/See https:\/\/a\.example/)).toBeInTheDocument();
    // ...another browser does not.
    cleanup();
    localStorage.removeItem('comments:commenter-token');
    await openArticle();
    expect(screen.queryByText(/See https:\/\/a\.example/)).not.toBeInTheDocument();
  });

  it('quietly discards a comment whose honeypot is filled in', async () => {
    const { user, unmount } = await openArticle();
    await fillForm(user, { comment: 'Buy cheap watches.' });
    await user.type(screen.getByLabelText('Leave this field empty'), 'https://spam.example');
    await user.click(postButton());
    await screen.findByText(/awaiting moderation|was posted/);
    unmount();
    await openArticle();
    expect(commentsSaying('Buy cheap watches.')).toHaveLength(0);
  });
});
