import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { useHydrated } from '../../lib/use-hydrated';
import {
  applyReaderSettings,
  defaultReaderSettings,
  readReaderSettings,
  saveTextSize,
  saveTheme,
  storageKeys,
  type ReaderSettings,
  type TextSize,
  type Theme,
} from './reader-settings';

const keys: readonly (string | null)[] = [storageKeys.theme, storageKeys.textSize, null];
const listeners = new Set<() => void>();
let snapshot: { raw: string; settings: ReaderSettings } | null = null;

function changed() {
  for (const listener of listeners) listener();
}

function rawStored(): string {
  try {
    const storage = globalThis.localStorage;
    return `${storage?.getItem(storageKeys.theme)}\n${storage?.getItem(storageKeys.textSize)}`;
  } catch {
    return '';
  }
}

// A change made in another tab arrives as a storage event (a null key means storage was cleared).
function onStorage(event: StorageEvent) {
  if (keys.includes(event.key)) changed();
}

function subscribe(listener: () => void) {
  if (listeners.size === 0) window.addEventListener('storage', onStorage);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('storage', onStorage);
  };
}

function getSnapshot(): ReaderSettings {
  // The same object for as long as what is stored stays the same, as useSyncExternalStore needs.
  const raw = rawStored();
  if (snapshot?.raw !== raw) snapshot = { raw, settings: readReaderSettings() };
  return snapshot.settings;
}

/**
 * The reader's display settings: remembered, applied to the page, shared by open tabs.
 * Stored settings are read from localStorage, which the prerendered HTML cannot know: it
 * shows the defaults, and hydration switches to the stored ones right after (the init
 * script has already applied them to the page, so nothing visible changes).
 */
export function useReaderSettings() {
  const settings = useSyncExternalStore(subscribe, getSnapshot, () => defaultReaderSettings);
  const hydrated = useHydrated();

  useEffect(() => {
    // While hydrating, `settings` are the defaults, not the reader's: leave the page alone.
    if (hydrated) applyReaderSettings(settings);
  }, [hydrated, settings]);

  const setTheme = useCallback((theme: Theme) => {
    saveTheme(theme);
    changed();
  }, []);

  const setTextSize = useCallback((textSize: TextSize) => {
    saveTextSize(textSize);
    changed();
  }, []);

  return { settings, setTheme, setTextSize };
}
