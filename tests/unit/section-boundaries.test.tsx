import { screen } from '@testing-library/react';
import { renderApp } from '../render';

// A defect in the comment list's rendering (simulated: building the thread tree throws).
vi.mock('../../src/features/comments/comment-tree', () => ({
  maxThreadDepth: 5,
  buildCommentTree: () => {
    throw new Error('simulated rendering defect');
  },
}));

it('a broken comment section never hides the article', async () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  renderApp('/articles/putin-meets-china-defense-minister-in-moscow');
  expect(await screen.findByRole('alert')).toHaveTextContent('The comments couldn’t be shown');
  expect(
    screen.getByRole('heading', {
      level: 1,
      name: 'Putin meets with China’s defense minister in Moscow',
    }),
  ).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
});
