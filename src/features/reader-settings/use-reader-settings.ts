import { useCallback, useEffect, useState } from 'react';
import {
  applyReaderSettings,
  readReaderSettings,
  saveTextSize,
  saveTheme,
  storageKeys,
  type ReaderSettings,
  type TextSize,
  type Theme,
} from './reader-settings';

const keys: readonly (string | null)[] = [storageKeys.theme, storageKeys.textSize, null];

/** The reader's display settings: remembered, applied to the page, shared by open tabs. */
export function useReaderSettings() {
  const [settings, setSettings] = useState<ReaderSettings>(readReaderSettings);

  useEffect(() => {
    applyReaderSettings(settings);
  }, [settings]);

  // A change made in another tab arrives as a storage event (a null key means storage was cleared).
  useEffect(() => {
    function onStorage(event: StorageEvent) {
      if (keys.includes(event.key)) setSettings(readReaderSettings());
    }
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  const setTheme = useCallback((theme: Theme) => {
    saveTheme(theme);
    setSettings((current) => ({ ...current, theme }));
  }, []);

  const setTextSize = useCallback((textSize: TextSize) => {
    saveTextSize(textSize);
    setSettings((current) => ({ ...current, textSize }));
  }, []);

  return { settings, setTheme, setTextSize };
}
