import { localStore } from '../../lib/local-store';

// reader-settings-init.js repeats these names, keys and steps in plain JS so it can run
// before the app's bundle; tests/unit/reader-settings-init.test.ts keeps the two in step.

export const themes = ['system', 'light', 'dark', 'sepia'] as const;
export type Theme = (typeof themes)[number];

export const themeLabels: Record<Theme, string> = {
  system: 'System',
  light: 'Light',
  dark: 'Dark',
  sepia: 'Sepia',
};

/** Percentages of the reader's own default font size; 100 is where everyone starts. */
export const textSizes = [87.5, 100, 112.5, 125, 137.5, 150] as const;
export type TextSize = (typeof textSizes)[number];
export const defaultTextSize: TextSize = 100;

export const storageKeys = { theme: 'reader:theme', textSize: 'reader:text-size' } as const;

// Type guards rather than schemas: two enums do not need zod, which the article page does not load.
export function isTheme(value: unknown): value is Theme {
  return themes.some((theme) => theme === value);
}
export function isTextSize(value: unknown): value is TextSize {
  return textSizes.some((size) => size === value);
}

export interface ReaderSettings {
  theme: Theme;
  textSize: TextSize;
}

/** What a first visit gets, and what the prerendered HTML shows (it cannot know the reader). */
export const defaultReaderSettings: ReaderSettings = { theme: 'system', textSize: defaultTextSize };

export function readReaderSettings(): ReaderSettings {
  return {
    theme: localStore.read(storageKeys.theme, isTheme) ?? defaultReaderSettings.theme,
    textSize: localStore.read(storageKeys.textSize, isTextSize) ?? defaultReaderSettings.textSize,
  };
}

export function saveTheme(theme: Theme): void {
  localStore.write(storageKeys.theme, theme);
}

export function saveTextSize(textSize: TextSize): void {
  localStore.write(storageKeys.textSize, textSize);
}

/** What the browser may use for its own parts (canvas, scrollbars, form controls) per theme. */
export function colorSchemeOf(theme: Theme): string {
  if (theme === 'system') return 'light dark';
  return theme === 'dark' ? 'dark' : 'light';
}

/**
 * Puts the settings on <html>, where the style sheets read them (see src/styles/global.css).
 * The init script has already done this before first paint; this keeps the page in step when
 * the reader changes something, or another tab does.
 */
export function applyReaderSettings(settings: ReaderSettings, root = document.documentElement) {
  root.dataset.theme = settings.theme;
  root.dataset.textSize = String(settings.textSize);
  root.ownerDocument
    .querySelector('meta[name="color-scheme"]')
    ?.setAttribute('content', colorSchemeOf(settings.theme));
}

/** "112.5%" (String, not toLocaleString: no Intl, whose first use is slow, for a number). */
export function formatTextSize(size: TextSize): string {
  return `${String(size)}%`;
}
