import { act, screen, within } from '@testing-library/react';
import { renderApp } from '../render';

const root = document.documentElement;
const stored = (key: string) => {
  const raw = localStorage.getItem(key);
  return raw === null ? null : (JSON.parse(raw) as unknown);
};

async function openSettings(url = '/') {
  const view = renderApp(url);
  const toggle = await screen.findByRole('button', { name: 'Display settings' });
  await view.user.click(toggle);
  const panel = screen.getByRole('group', { name: 'Display settings' });
  return { ...view, toggle, panel };
}

const textSizeGroup = () => screen.getByRole('group', { name: 'Text size' });
const smaller = () => screen.getByRole('button', { name: 'Smaller text' });
const larger = () => screen.getByRole('button', { name: 'Larger text' });

beforeEach(() => {
  // What the init script or an earlier test left on <html> must not leak into this one.
  delete root.dataset.theme;
  delete root.dataset.textSize;
});

describe('display settings in the site header', () => {
  it('opens and closes as a disclosure, and Escape puts focus back on its button', async () => {
    const { user, toggle, panel } = await openSettings();
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(toggle).toHaveAttribute('aria-controls', panel.id);
    expect(panel).toBeVisible();

    await user.click(within(panel).getByRole('radio', { name: 'Sepia' }));
    await user.keyboard('{Escape}');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(panel).not.toBeVisible();
    expect(toggle).toHaveFocus();

    await user.click(toggle);
    expect(panel).toBeVisible();
    await user.click(toggle);
    expect(panel).not.toBeVisible();
  });

  it('keeps “Skip to content” as the first tab stop, before the header controls', async () => {
    const { user } = renderApp('/');
    await screen.findByRole('button', { name: 'Display settings' });
    await user.tab();
    expect(screen.getByRole('link', { name: 'Skip to content' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('link', { name: 'The Daily Thread' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Display settings' })).toHaveFocus();
  });
});

describe('theme', () => {
  it('follows the system until the reader picks one, then remembers the choice', async () => {
    const { user, unmount } = await openSettings();
    const theme = screen.getByRole('group', { name: 'Theme' });
    expect(
      within(theme)
        .getAllByRole('radio')
        .map((radio) => radio.getAttribute('value')),
    ).toEqual(['system', 'light', 'dark', 'sepia']);
    expect(within(theme).getByRole('radio', { name: 'System' })).toBeChecked();
    expect(root.dataset.theme).toBe('system');

    await user.click(within(theme).getByRole('radio', { name: 'Dark' }));
    expect(root.dataset.theme).toBe('dark');
    expect(stored('reader:theme')).toBe('dark');

    unmount();
    delete root.dataset.theme;
    await openSettings();
    expect(screen.getByRole('radio', { name: 'Dark' })).toBeChecked();
    expect(root.dataset.theme).toBe('dark');
  });

  it('is a radio group the arrow keys move through', async () => {
    const { user } = await openSettings();
    await user.click(screen.getByRole('radio', { name: 'Light' }));
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('radio', { name: 'Dark' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Dark' })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(root.dataset.theme).toBe('sepia');
    expect(stored('reader:theme')).toBe('sepia');
  });

  it('ignores a stored value it does not know, and follows another tab’s change', async () => {
    localStorage.setItem('reader:theme', JSON.stringify('neon'));
    await openSettings();
    expect(screen.getByRole('radio', { name: 'System' })).toBeChecked();

    localStorage.setItem('reader:theme', JSON.stringify('sepia'));
    act(() => {
      window.dispatchEvent(new StorageEvent('storage', { key: 'reader:theme' }));
    });
    expect(screen.getByRole('radio', { name: 'Sepia' })).toBeChecked();
    expect(root.dataset.theme).toBe('sepia');
  });
});

describe('text size', () => {
  it('steps up and down through at least five sizes, says each politely, and stops at the ends', async () => {
    const { user } = await openSettings();
    const live = within(textSizeGroup()).getByText(
      (_, el) => el?.getAttribute('aria-live') === 'polite',
    );
    expect(textSizeGroup()).toHaveTextContent('100%');
    expect(live).toBeEmptyDOMElement();
    expect(root.dataset.textSize).toBe('100');

    await user.click(larger());
    expect(live).toHaveTextContent('Text size 112.5%');
    expect(root.dataset.textSize).toBe('112.5');
    expect(stored('reader:text-size')).toBe(112.5);

    const seen = ['112.5'];
    while (larger().getAttribute('aria-disabled') !== 'true') {
      await user.click(larger());
      seen.push(root.dataset.textSize ?? '');
    }
    expect(seen).toEqual(['112.5', '125', '137.5', '150']);
    expect(live).toHaveTextContent('Text size 150%, the largest');
    // Still focusable at the end, so keyboard focus is not lost; pressing again changes nothing.
    expect(larger()).toHaveFocus();
    await user.click(larger());
    expect(root.dataset.textSize).toBe('150');
    expect(live).toHaveTextContent('Text size 150% is already the largest');

    while (smaller().getAttribute('aria-disabled') !== 'true') {
      await user.click(smaller());
      seen.push(root.dataset.textSize ?? '');
    }
    expect(root.dataset.textSize).toBe('87.5');
    expect(live).toHaveTextContent('Text size 87.5%, the smallest');
    expect(larger()).not.toHaveAttribute('aria-disabled');
    expect(new Set(seen).size).toBeGreaterThanOrEqual(5);
  });

  it('is remembered, and read again on the next visit', async () => {
    const first = await openSettings();
    await first.user.click(larger());
    await first.user.click(larger());
    first.unmount();
    delete root.dataset.textSize;

    await openSettings();
    expect(textSizeGroup()).toHaveTextContent('125%');
    expect(root.dataset.textSize).toBe('125');
  });

  it('starts at 100% when the stored size is not one of the steps', async () => {
    localStorage.setItem('reader:text-size', '3000');
    await openSettings();
    expect(textSizeGroup()).toHaveTextContent('100%');
    expect(smaller()).not.toHaveAttribute('aria-disabled');
  });
});
