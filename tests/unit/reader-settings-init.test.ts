import initScript from '../../src/features/reader-settings/reader-settings-init.js?raw';
import {
  applyReaderSettings,
  storageKeys,
  textSizes,
  themes,
  type ReaderSettings,
} from '../../src/features/reader-settings/reader-settings';

/**
 * reader-settings-init.js must be plain JS (it runs inline in <head>, before the bundle), so it
 * repeats the app's names and steps. These tests run it as the browser would and hold it to what
 * the app itself does.
 */
const root = document.documentElement;
let meta: HTMLMetaElement;

function runInitScript() {
  // The script is ours and static, read from disk: evaluating it here is running it as a page would.
  new Function(initScript)();
}

function pageState() {
  return {
    theme: root.dataset.theme,
    textSize: root.dataset.textSize,
    colorScheme: meta.content,
  };
}

function reset() {
  delete root.dataset.theme;
  delete root.dataset.textSize;
  meta.content = 'light dark';
}

beforeEach(() => {
  meta = document.createElement('meta');
  meta.name = 'color-scheme';
  document.head.append(meta);
  reset();
});
afterEach(() => {
  meta.remove();
  reset();
});

describe('the init script that runs before first paint', () => {
  const combinations: ReaderSettings[] = themes.flatMap((theme) =>
    textSizes.map((textSize) => ({ theme, textSize })),
  );

  it.each(combinations)('applies $theme at $textSize% exactly as the app does', (settings) => {
    applyReaderSettings(settings);
    const expected = pageState();
    reset();

    localStorage.setItem(storageKeys.theme, JSON.stringify(settings.theme));
    localStorage.setItem(storageKeys.textSize, JSON.stringify(settings.textSize));
    runInitScript();
    expect(pageState()).toEqual(expected);
  });

  it('uses the defaults when nothing is stored', () => {
    runInitScript();
    expect(pageState()).toEqual({ theme: 'system', textSize: '100', colorScheme: 'light dark' });
  });

  it('uses the defaults, without throwing, when what is stored is unreadable or unknown', () => {
    localStorage.setItem(storageKeys.theme, '{not json');
    localStorage.setItem(storageKeys.textSize, JSON.stringify('150'));
    expect(runInitScript).not.toThrow();
    expect(pageState()).toEqual({ theme: 'system', textSize: '100', colorScheme: 'light dark' });
  });

  it('still runs when storage itself is unavailable', () => {
    const getItem = vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    expect(runInitScript).not.toThrow();
    expect(pageState().theme).toBe('system');
    getItem.mockRestore();
  });
});
