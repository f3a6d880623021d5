import { screen, waitFor, within } from '@testing-library/react';
import { devModeratorAccount } from '../../mocks/moderation-db';
import { putinMeetsChinaDefenseMinister as seed } from '../../mocks/fixtures/articles/putin-meets-china-defense-minister';
import { renderApp } from '../render';

beforeAll(async () => {
  await import('../../src/features/moderation/moderation-root');
});

async function signIn(url: string, heading: string) {
  const view = renderApp(url);
  const { user } = view;
  await screen.findByRole('heading', { level: 1, name: 'Sign in to moderate' });
  await user.type(screen.getByLabelText('Email'), devModeratorAccount.email);
  await user.type(screen.getByLabelText('Password'), devModeratorAccount.password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  await screen.findByRole('heading', { level: 1, name: heading });
  return view;
}

describe('the article editor', () => {
  it('says what is wrong beside each field, focusing the first, and announces it', async () => {
    const { user } = await signIn('/moderate/articles/new', 'New article');
    await user.type(screen.getByLabelText('Slug'), 'Not A Slug');
    await user.click(screen.getByRole('button', { name: 'Save as draft' }));
    const title = screen.getByLabelText('Title');
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(title).toHaveAccessibleDescription('Give the article a title.');
    await waitFor(() => expect(title).toHaveFocus());
    expect(screen.getByLabelText('Slug')).toHaveAccessibleDescription(
      /The address: .*Use lower-case letters and digits/,
    );
    expect(screen.getByLabelText('Text (Markdown)')).toHaveAccessibleDescription(
      /Write the article’s text\./,
    );
    await waitFor(() =>
      expect(
        screen
          .getAllByRole('status')
          .some((s) => /not saved: check 4 fields/.test(s.textContent ?? '')),
      ).toBe(true),
    );
  }, 30_000);

  it('previews the Markdown with the reader’s article body, then publishes it for readers', async () => {
    const { user, history } = await signIn('/moderate/articles/new', 'New article');
    await user.type(screen.getByLabelText('Title'), 'Council votes on the budget');
    await user.type(screen.getByLabelText('Description'), 'The vote came late at night.');
    await user.type(screen.getByLabelText('Slug'), 'council-votes-on-budget');
    await user.type(
      screen.getByLabelText('Text (Markdown)'),
      '## The vote{enter}{enter}It passed at midnight.',
    );
    const preview = screen.getByRole('region', { name: 'Preview' });
    expect(
      await within(preview).findByRole('heading', { level: 2, name: 'The vote' }),
    ).toBeVisible();
    expect(within(preview).getByText('It passed at midnight.')).toBeVisible();

    // Not yet for readers: a draft.
    expect((await fetch('/api/articles/council-votes-on-budget')).status).toBe(404);
    await user.click(screen.getByRole('button', { name: 'Publish now' }));
    await screen.findByRole('heading', { level: 1, name: 'Edit article' });
    expect(history.location.pathname).toMatch(/^\/moderate\/articles\/\d+$/);
    expect(await screen.findByText('Published', { selector: 'strong' })).toBeVisible();
    expect((await fetch('/api/articles/council-votes-on-budget')).status).toBe(200);

    await user.click(screen.getByRole('button', { name: 'Unpublish' }));
    expect(await screen.findByText('Draft', { selector: 'strong' })).toBeVisible();
    expect((await fetch('/api/articles/council-votes-on-budget')).status).toBe(404);

    await user.click(screen.getByRole('link', { name: 'Articles' }));
    const row = (await screen.findByRole('link', { name: 'Council votes on the budget' })).closest(
      'tr',
    );
    expect(row).toHaveTextContent('Draft');
  }, 30_000);

  it('refuses a slug another article has, beside the slug', async () => {
    const { user } = await signIn('/moderate/articles/new', 'New article');
    await user.type(screen.getByLabelText('Title'), 'Again');
    await user.type(screen.getByLabelText('Description'), 'Same address.');
    await user.type(screen.getByLabelText('Slug'), seed.slug);
    await user.type(screen.getByLabelText('Text (Markdown)'), 'Words.');
    await user.click(screen.getByRole('button', { name: 'Save as draft' }));
    const slug = screen.getByLabelText('Slug');
    await waitFor(() =>
      expect(slug).toHaveAccessibleDescription(
        expect.stringContaining(
          `Another article has the address ${seed.slug}: choose another slug.`,
        ),
      ),
    );
    await waitFor(() => expect(slug).toHaveFocus());
  }, 30_000);
});
