import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryHistory } from '../../src/lib/router/history';
import { Link } from '../../src/lib/router/link';
import { Router } from '../../src/lib/router/router';

/** Clicks `name` and says whether the browser would follow the link itself (a page load). */
async function clickLeavesItToTheBrowser(name: string): Promise<boolean> {
  let followedByBrowser = false;
  // After the app's own handler: what is left of the click is the browser's to act on.
  const onClick = (event: MouseEvent) => {
    followedByBrowser = !event.defaultPrevented;
    event.preventDefault(); // jsdom cannot load another page
  };
  window.addEventListener('click', onClick, { once: true });
  await userEvent.setup().click(screen.getByRole('link', { name }));
  return followedByBrowser;
}

describe('links', () => {
  it('follows a link within the app itself, and leaves a link to another site to the browser', async () => {
    const history = createMemoryHistory('/');
    render(
      <Router history={history}>
        <Link to="https://example.org/elsewhere">Another site</Link>
        <Link to="/articles/night-trains">A story here</Link>
      </Router>,
    );
    expect(await clickLeavesItToTheBrowser('Another site')).toBe(true);
    expect(history.location.pathname).toBe('/');

    expect(await clickLeavesItToTheBrowser('A story here')).toBe(false);
    expect(history.location.pathname).toBe('/articles/night-trains');
  });
});
