import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { renderApp } from './render';

/** The seed article, whose comment section the comment tests use. */
export const slug = 'putin-meets-china-defense-minister-in-moscow';
export const articleUrl = `/articles/${slug}`;
export const headline = 'Putin meets with China’s defense minister in Moscow';
/** Matches the comments endpoint of any article, for `server.use(...)`. */
export const commentsUrl = '*/api/articles/:slug/comments';
/** The seed article's comments endpoint, as the app calls it. */
export const commentsApi = `${window.location.origin}/api/articles/${slug}/comments`;

// The lazy chunks a comment test needs, imported once before a file's tests (as a warm browser cache would
// have them): the tests' waits then measure the app, not the first transform of its modules.
beforeAll(async () => {
  await Promise.all([
    import('../src/features/comments/comments-root'),
    import('../src/features/comments/comment-form'),
    import('../src/features/comments/queued-comments-notice'),
    import('../src/features/article/tolerant-article-schemas'),
    import('../src/contract/errors'),
  ]);
});

const sectionHeading = /thoughts on|One thought|No comments yet/;

/** Opens an article (as after a reload) and waits for its comments and its form. */
export async function openArticle(url = articleUrl) {
  const view = renderApp(url);
  await screen.findByRole('heading', { level: 2, name: sectionHeading });
  // The form is a chunk of its own, loaded once the section is up.
  await screen.findByLabelText(/^Comment/);
  return view;
}

export type FieldName = 'Comment' | 'Name' | 'Email' | 'Website';
export const field = (name: FieldName) =>
  screen.getByLabelText(new RegExp(`^${name}`)) as HTMLInputElement;
export const postButton = () =>
  screen.getByRole('button', { name: /^(Post Comment|Posting…|Waiting to post…)/ });
export const saveDetails = () =>
  screen.getByRole('checkbox', { name: /Save my name, email, and website/ });
export const countHeading = () => screen.getByRole('heading', { level: 2, name: sectionHeading });

/** The comment section, a region named by its heading. */
export const commentSection = () => screen.getByRole('region', { name: sectionHeading });

/** The comments on screen (each an article named by its author) whose text includes `text`. */
export function commentsSaying(text: string | RegExp): HTMLElement[] {
  const section = screen.queryByRole('region', { name: sectionHeading });
  if (!section) return [];
  const matcher = typeof text === 'string' ? (content: string) => content.includes(text) : text;
  return within(section)
    .queryAllByRole('article')
    .filter((comment) => within(comment).queryAllByText(matcher).length > 0);
}

/** The one comment that says `text`: its list item, which holds its replies too. */
export function commentSaying(text: string | RegExp): HTMLElement {
  const [comment, ...others] = commentsSaying(text);
  const item = comment?.closest('li');
  if (!item || others.length > 0) throw new Error(`not exactly one comment says "${text}"`);
  return item;
}

/** A comment's accessible name: its author. */
export function authorOf(comment: HTMLElement): string {
  const label = comment.getAttribute('aria-labelledby');
  return (label && document.getElementById(label)?.textContent) || '';
}

/** The authors of the top-level comments, in the order shown. */
export function topLevelAuthors(): string[] {
  const [list] = within(commentSection()).getAllByRole('list');
  if (!list) return [];
  return within(list)
    .getAllByRole('article')
    .filter((comment) => comment.closest('ol') === list)
    .map((comment) => authorOf(comment));
}

export async function fillForm(
  user: UserEvent,
  values: Partial<Record<'comment' | 'name' | 'email' | 'website', string>> = {},
) {
  const {
    comment = 'A thoughtful comment.',
    name = 'Ada Reader',
    email = 'ada@example.com',
    website = '',
  } = values;
  for (const [label, value] of [
    ['Comment', comment],
    ['Name', name],
    ['Email', email],
    ['Website', website],
  ] as const) {
    await user.clear(field(label));
    if (value) await user.type(field(label), value);
  }
}
