import './reader-settings.css';
import { useEffect, useId, useRef, useState } from 'react';
import { TextSizeControl } from './text-size-control';
import { ThemePicker } from './theme-picker';
import { useReaderSettings } from './use-reader-settings';

/**
 * A disclosure in the site header: one compact button that opens the display settings as a
 * panel in the page flow (it pushes the page down rather than covering it, so the reader sees
 * the story change while choosing). Escape closes it and returns focus to the button.
 */
export function ReaderSettingsMenu() {
  const { settings, setTheme, setTextSize } = useReaderSettings();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const toggleRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      const focused = document.activeElement;
      if (focused !== toggleRef.current && !panelRef.current?.contains(focused)) return;
      setOpen(false);
      toggleRef.current?.focus();
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [open]);

  return (
    <>
      <button
        ref={toggleRef}
        type="button"
        className="reader-settings__toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((wasOpen) => !wasOpen)}
      >
        <svg
          className="reader-settings__icon"
          viewBox="0 0 24 24"
          aria-hidden="true"
          focusable="false"
        >
          <path d="M2 19 7.5 5h1L14 19M4.3 14h7.4M15 19l3.5-9h1L23 19m-6.6-3h5.2" />
        </svg>
        <span className="reader-settings__toggle-text">
          Display <span className="reader-settings__toggle-more">settings</span>
        </span>
      </button>
      {/* Rendered while closed, only hidden, so its live region exists before the first change. */}
      <div
        ref={panelRef}
        id={panelId}
        className="reader-settings__panel"
        hidden={!open}
        role="group"
        aria-label="Display settings"
      >
        <ThemePicker value={settings.theme} onChange={setTheme} />
        <TextSizeControl value={settings.textSize} onChange={setTextSize} />
        {/* The page's one shortcut, listed where readers look for how the page behaves. */}
        {/* Titled like the fieldsets' legends, not as a heading: the header sits before the h1. */}
        <div className="reader-settings__shortcuts">
          <p className="reader-settings__heading">Keyboard shortcuts</p>
          <p>
            In the comments, <kbd>J</kbd> and <kbd>K</kbd> move to the next and previous comment.
          </p>
        </div>
      </div>
    </>
  );
}
