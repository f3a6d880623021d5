import './share-button.css';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';

type Outcome = { message: string; manualCopy: boolean };

// Long enough to be read, short enough that the button reads "Copy link" again by the next try.
const confirmationMs = 4000;

function canShareNatively(): boolean {
  return typeof globalThis.navigator?.share === 'function';
}

const noSubscription = () => () => {};

/**
 * Shares an address (an article's, or a comment's): the system share sheet where there is one
 * (phones, some desktops), otherwise a copy to the clipboard. Either way the result is said
 * politely; if even copying is refused (an old browser, a denied permission), the address is
 * shown selected so the reader can copy it by hand. A relative `url` is resolved against the
 * page's origin when the reader shares, so rendering needs no browser globals.
 */
export function ShareButton({
  title,
  url: address,
  what = 'article',
  describedAs,
}: {
  title: string;
  url: string;
  /** Names the manual-copy box: "Link to this article" / "Link to this comment". */
  what?: 'article' | 'comment';
  /** A fuller accessible name, when the button's words alone would be ambiguous. */
  describedAs?: string;
}) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [url, setUrl] = useState(address);
  const timer = useRef<number | undefined>(undefined);
  const manualRef = useRef<HTMLInputElement>(null);
  // A prerendered page says "Copy link"; the browser upgrades it to "Share" where it can.
  const native = useSyncExternalStore(noSubscription, canShareNatively, () => false);

  useEffect(() => () => window.clearTimeout(timer.current), []);
  useEffect(() => {
    if (outcome?.manualCopy) manualRef.current?.select();
  }, [outcome]);

  function report(next: Outcome) {
    window.clearTimeout(timer.current);
    setOutcome(next);
    if (!next.manualCopy) timer.current = window.setTimeout(() => setOutcome(null), confirmationMs);
  }

  function absolute(): string {
    const resolved = new URL(address, window.location.origin).href;
    setUrl(resolved);
    return resolved;
  }

  async function copy(url = absolute()) {
    try {
      await navigator.clipboard.writeText(url);
      report({ message: 'Link copied', manualCopy: false });
    } catch {
      report({ message: 'Couldn’t copy the link. Copy it from here:', manualCopy: true });
    }
  }

  async function share() {
    const url = absolute();
    if (!canShareNatively()) return copy(url);
    try {
      await navigator.share({ title, url });
    } catch (error) {
      // The reader closed the share sheet: that is a choice, not a failure.
      if (error instanceof DOMException && error.name === 'AbortError') return;
      await copy(url);
    }
  }
  const label = native ? 'Share' : 'Copy link';

  return (
    <div className="share">
      <button
        type="button"
        className="share__button"
        aria-label={describedAs ? `${label} ${describedAs}` : undefined}
        onClick={() => void share()}
      >
        <svg className="share__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M10 14a5 5 0 0 0 7 0l3-3a5 5 0 0 0-7-7l-1 1M14 10a5 5 0 0 0-7 0l-3 3a5 5 0 0 0 7 7l1-1" />
        </svg>
        {label}
      </button>
      <p className="share__status" aria-live="polite">
        {outcome?.message}
      </p>
      {outcome?.manualCopy ? (
        <input
          ref={manualRef}
          className="share__manual"
          type="text"
          readOnly
          value={url}
          aria-label={`Link to this ${what}`}
          onFocus={(event) => event.currentTarget.select()}
        />
      ) : null}
    </div>
  );
}
