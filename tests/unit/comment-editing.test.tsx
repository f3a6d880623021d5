import { act, screen, waitFor, within } from '@testing-library/react';
import { moderationDb } from '../../mocks/moderation-db';
import { commentSaying, commentsApi, openArticle } from '../comment-helpers';
import type { renderApp } from '../render';

async function postOwnComment(user: ReturnType<typeof renderApp>['user'], text: string) {
  for (const [label, value] of [
    [/^Comment/, text],
    [/^Name/, 'Ada Author'],
    [/^Email/, `ada.${text.length}@example.com`],
  ] as const) {
    await user.clear(screen.getByLabelText(label));
    await user.type(screen.getByLabelText(label), value);
  }
  await user.click(screen.getByRole('button', { name: 'Post Comment' }));
  await screen.findByText('Your comment was posted.');
  return commentSaying(text);
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('editing and deleting your own comment', () => {
  it('offers Edit and Delete on the reader’s own comment only', async () => {
    const { user } = await openArticle();
    const mine = await postOwnComment(user, 'Mine to change.');
    await waitFor(() =>
      expect(within(mine).getByRole('button', { name: 'Edit' })).toBeInTheDocument(),
    );
    expect(within(mine).getByRole('button', { name: 'Delete' })).toBeInTheDocument();
    const others = commentSaying(/senior partner/);
    expect(within(others).queryAllByRole('button', { name: 'Edit' })).toHaveLength(0);
  });

  it('edits in place with a labelled textbox, Save and Cancel, and marks the comment edited', async () => {
    const { user } = await openArticle();
    const mine = await postOwnComment(user, 'Frist draft.');
    await user.click(await within(mine).findByRole('button', { name: 'Edit' }));
    const box = within(mine).getByRole('textbox', { name: 'Edit comment' });
    expect(box).toHaveValue('Frist draft.');
    expect(box).toHaveFocus();

    await user.click(within(mine).getByRole('button', { name: 'Cancel' }));
    expect(within(mine).getByText('Frist draft.')).toBeInTheDocument();

    await user.click(within(mine).getByRole('button', { name: 'Edit' }));
    await user.clear(within(mine).getByRole('textbox', { name: 'Edit comment' }));
    await user.click(within(mine).getByRole('button', { name: 'Save' }));
    expect(within(mine).getByRole('alert')).toHaveTextContent('Please type your comment text.');

    await user.type(
      within(mine).getByRole('textbox', { name: 'Edit comment' }),
      'First draft, fixed.',
    );
    await user.click(within(mine).getByRole('button', { name: 'Save' }));
    expect(await within(mine).findByText('First draft, fixed.')).toBeInTheDocument();
    expect(within(mine).getByText('edited')).toBeInTheDocument();
    expect(screen.getByText('Your changes were saved.')).toBeInTheDocument();
    await waitFor(() => expect(within(mine).getByRole('button', { name: 'Edit' })).toHaveFocus());
  });

  it('deletes after confirmation; a comment with replies leaves a placeholder', async () => {
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    const { user } = await openArticle();
    const mine = await postOwnComment(user, 'Regretted at once.');
    await user.click(await within(mine).findByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('Your comment was deleted.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText('Regretted at once.')).not.toBeInTheDocument());
    expect(screen.getByRole('heading', { level: 2, name: /^5 thoughts/ })).toBeInTheDocument();

    const answered = await postOwnComment(user, 'Someone will answer this.');
    const id = answered.id.replace('comment-', '');
    await fetch(commentsApi, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        comment: 'An answer from someone else.',
        name: 'Bo',
        email: 'bo@example.com',
        website: '',
        parentId: id,
        clientId: crypto.randomUUID(),
      }),
    });
    await user.click(within(answered).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('This comment was deleted.')).toBeInTheDocument();
    expect(screen.getByText('An answer from someone else.')).toBeInTheDocument();
    expect(screen.queryByText('Someone will answer this.')).not.toBeInTheDocument();
  });

  it('closes the 15-minute window: the buttons go, and the server refuses a late save', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { user } = await openArticle();
    const mine = await postOwnComment(user, 'Time is short.');
    await user.click(await within(mine).findByRole('button', { name: 'Edit' }));
    await user.type(within(mine).getByRole('textbox', { name: 'Edit comment' }), ' Too late?');

    await act(() => vi.advanceTimersByTimeAsync(16 * 60 * 1000));
    await user.click(within(mine).getByRole('button', { name: 'Save' }));
    expect(await within(mine).findByRole('alert')).toHaveTextContent(
      'The 15-minute editing window has closed',
    );
    expect(within(mine).getByRole('textbox', { name: 'Edit comment' })).toHaveValue(
      'Time is short. Too late?',
    );
    await user.click(within(mine).getByRole('button', { name: 'Cancel' }));
    expect(within(mine).queryByRole('button', { name: 'Edit' })).not.toBeInTheDocument();
    expect(within(mine).queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument();
  });

  it('keeps the owner’s edit window, not the built-in 15 minutes', async () => {
    moderationDb.change((state) => {
      state.settings = { ...state.settings, editWindowMinutes: 2 };
    });
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { user } = await openArticle();
    const mine = await postOwnComment(user, 'Two minutes to think again.');
    expect(await within(mine).findByRole('button', { name: 'Edit' })).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(3 * 60 * 1000));
    await waitFor(() =>
      expect(within(mine).queryByRole('button', { name: 'Edit' })).not.toBeInTheDocument(),
    );
    expect(within(mine).queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument();
  });

  it('refuses a change without the author’s token, and never publishes a token', async () => {
    const posted = await fetch(commentsApi, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        comment: 'Not yours.',
        name: 'Cy',
        email: 'cy@example.com',
        website: '',
        parentId: null,
        clientId: crypto.randomUUID(),
      }),
    }).then((r) => r.json());
    const patch = await fetch(`${commentsApi}/${posted.comment.id}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ comment: 'Hijacked.', editToken: crypto.randomUUID() }),
    });
    expect(patch.status).toBe(403);
    const list = await fetch(commentsApi).then((r) => r.text());
    expect(list).not.toContain(posted.editToken);
    expect(list).not.toMatch(/editToken/);
  });
});
