import { screen, waitFor, within } from '@testing-library/react';
import {
  commentSaying as commentWithText,
  field,
  openArticle,
  postButton,
  saveDetails,
} from '../comment-helpers';

describe('drafts', () => {
  it('keeps the comment being typed across a reload, per reply target, until it is accepted', async () => {
    const first = await openArticle();
    await first.user.type(field('Comment'), 'Half a thought');
    await first.user.click(screen.getByRole('button', { name: 'Reply to Daniel Okafor' }));
    expect(field('Comment')).toHaveValue('');
    await first.user.type(field('Comment'), 'A reply in progress');
    first.unmount();

    const second = await openArticle();
    expect(field('Comment')).toHaveValue('Half a thought');
    await second.user.click(screen.getByRole('button', { name: 'Reply to Daniel Okafor' }));
    expect(field('Comment')).toHaveValue('A reply in progress');
    await second.user.click(screen.getByRole('button', { name: 'Cancel reply' }));
    expect(field('Comment')).toHaveValue('Half a thought');

    await second.user.type(field('Name'), 'Ada');
    await second.user.type(field('Email'), 'ada@example.com');
    await second.user.click(postButton());
    await screen.findByText('Your comment was posted.');
    second.unmount();

    await openArticle();
    expect(field('Comment')).toHaveValue('');
  });
});

describe('saved details', () => {
  it('prefills name, email and website next time when asked to, and forgets them when not', async () => {
    const first = await openArticle();
    await first.user.type(field('Comment'), 'Remember me.');
    await first.user.type(field('Name'), 'Ada Reader');
    await first.user.type(field('Email'), 'ada@example.com');
    await first.user.type(field('Website'), 'https://ada.example.org');
    await first.user.click(saveDetails());
    await first.user.click(postButton());
    await screen.findByText('Your comment was posted.');
    first.unmount();

    const second = await openArticle();
    expect(field('Name')).toHaveValue('Ada Reader');
    expect(field('Email')).toHaveValue('ada@example.com');
    expect(field('Website')).toHaveValue('https://ada.example.org/');
    expect(saveDetails()).toBeChecked();

    await second.user.click(saveDetails());
    await second.user.clear(field('Email'));
    await second.user.type(field('Email'), 'ada.other@example.com');
    await second.user.type(field('Comment'), 'Forget me now.');
    await second.user.click(postButton());
    await screen.findByText('Your comment was posted.');
    second.unmount();

    await openArticle();
    expect(field('Name')).toHaveValue('');
    expect(field('Email')).toHaveValue('');
    expect(saveDetails()).not.toBeChecked();
  });
});

describe('replying', () => {
  it('moves the form under the comment, names who is answered, and posts the reply nested there', async () => {
    const { user } = await openArticle();
    const daniel = commentWithText('mostly a list of exercises');
    await user.click(within(daniel).getByRole('button', { name: 'Reply to Daniel Okafor' }));

    const heading = screen.getByRole('heading', {
      level: 3,
      name: 'Leave a Reply to Daniel Okafor',
    });
    expect(daniel).toContainElement(heading);
    expect(field('Comment')).toHaveFocus();
    expect(screen.queryByRole('heading', { name: 'Leave a Reply' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Cancel reply' }));
    expect(screen.getByRole('heading', { level: 3, name: 'Leave a Reply' })).toBeInTheDocument();
    expect(daniel).not.toContainElement(
      screen.getByRole('heading', { level: 3, name: 'Leave a Reply' }),
    );
    await waitFor(() =>
      expect(within(daniel).getByRole('button', { name: 'Reply to Daniel Okafor' })).toHaveFocus(),
    );

    await user.click(within(daniel).getByRole('button', { name: 'Reply to Daniel Okafor' }));
    await user.type(field('Comment'), 'Replying to Daniel.');
    await user.type(field('Name'), 'Ada');
    await user.type(field('Email'), 'ada@example.com');
    await user.click(postButton());
    await screen.findByText('Your comment was posted.');
    const reply = commentWithText('Replying to Daniel.');
    expect(reply.parentElement?.closest('li')).toBe(daniel);
    expect(screen.getByRole('heading', { level: 3, name: 'Leave a Reply' })).toBeInTheDocument();
  });
});

describe('hostile and unusual text', () => {
  it.each([
    '<img src=x onerror="window.__pwned=1">',
    '<script>window.__pwned=1</script>',
    '"><svg onload=window.__pwned=1>',
    '<a href="javascript:window.__pwned=1">click</a>',
  ])('shows %s as the text it is', async (payload) => {
    const { user, container } = await openArticle();
    await user.type(field('Comment'), payload.replace(/[{[]/g, '$&$&'));
    await user.type(field('Name'), payload.replace(/[{[]/g, '$&$&').slice(0, 60));
    await user.type(field('Email'), 'hostile@example.com');
    await user.click(postButton());
    await screen.findByText('Your comment was posted.');
    const comment = commentWithText(payload.slice(0, 12));
    // As text, in the comment (the name repeats its start).
    expect(within(comment).getAllByText(payload).length).toBeGreaterThan(0);
    expect(comment.querySelectorAll('img, script, svg:not([aria-hidden]), iframe')).toHaveLength(0);
    expect(container.querySelectorAll('a[href^="javascript:"]')).toHaveLength(0);
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('gives right-to-left, emoji, zero-width and combining text its own direction', async () => {
    const { user } = await openArticle();
    const text = 'مرحبا بالعالم 👩🏽‍💻 Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǫ̗ a\u200bb';
    await user.type(field('Comment'), text);
    await user.type(field('Name'), 'שרה לוי');
    await user.type(field('Email'), 'rtl@example.com');
    await user.click(postButton());
    await screen.findByText('Your comment was posted.');
    const comment = commentWithText('مرحبا بالعالم');
    expect(within(comment).getByText(text)).toHaveAttribute('dir', 'auto');
    expect(within(comment).getByText('שרה לוי')).toHaveAttribute('dir', 'auto');
  });
});
