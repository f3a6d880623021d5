import { useEffect, useRef, useState } from 'react';
import { useHydrated } from '../../lib/use-hydrated';

type Outcome = { message: string; manualCopy: boolean };

// Long enough to be read, short enough that the button reads "Copy link" again by the next try.
const confirmationMs = 4000;

function canShareNatively(): boolean {
  return typeof globalThis.navigator?.share === 'function';
}

/**
 * Shares the article's canonical address: the system share sheet where there is one (phones,
 * some desktops), otherwise a copy to the clipboard. Either way the result is said politely; if
 * even copying is refused (an old browser, a denied permission), the address is shown selected
 * so the reader can copy it by hand.
 */
export function ShareButton({ title, url }: { title: string; url: string }) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const manualRef = useRef<HTMLInputElement>(null);
  // The prerendered button says "Copy link" (a build knows no browser); hydration then makes it
  // "Share" where the browser has a share sheet.
  const native = useHydrated() && canShareNatively();

  useEffect(() => () => window.clearTimeout(timer.current), []);
  useEffect(() => {
    if (outcome?.manualCopy) manualRef.current?.select();
  }, [outcome]);

  function report(next: Outcome) {
    window.clearTimeout(timer.current);
    setOutcome(next);
    if (!next.manualCopy) timer.current = window.setTimeout(() => setOutcome(null), confirmationMs);
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      report({ message: 'Link copied', manualCopy: false });
    } catch {
      report({ message: 'Couldn’t copy the link. Copy it from here:', manualCopy: true });
    }
  }

  async function share() {
    if (!canShareNatively()) return copy();
    try {
      await navigator.share({ title, url });
    } catch (error) {
      // The reader closed the share sheet: that is a choice, not a failure.
      if (error instanceof DOMException && error.name === 'AbortError') return;
      await copy();
    }
  }

  return (
    <div className="share">
      <button type="button" className="share__button" onClick={() => void share()}>
        <svg className="share__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M10 14a5 5 0 0 0 7 0l3-3a5 5 0 0 0-7-7l-1 1M14 10a5 5 0 0 0-7 0l-3 3a5 5 0 0 0 7 7l1-1" />
        </svg>
        {native ? 'Share' : 'Copy link'}
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
          aria-label="Link to this article"
          onFocus={(event) => event.currentTarget.select()}
        />
      ) : null}
    </div>
  );
}
