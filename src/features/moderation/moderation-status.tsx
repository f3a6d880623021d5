import { useEffect, useRef, useState, type ReactNode } from 'react';
import { StatusContext, type ModerationStatus } from './moderation-status-context';

/** How long an action's Undo stays offered (paused while the pointer or focus is on it). */
const undoWindowMs = 8000;

interface Notice {
  id: number;
  message: string;
  undo: (() => void) | null;
}

let nextId = 1;

/**
 * The screens' one status region: results of actions are announced there (polite), each with
 * Undo while it can still be undone. A newer notice replaces the older one.
 */
export function ModerationStatusProvider({ children }: { children: ReactNode }) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const [held, setHeld] = useState(false);
  const region = useRef<HTMLDivElement>(null);

  const withUndo = notice?.undo ? notice : null;
  useEffect(() => {
    if (!withUndo || held) return;
    const timer = window.setTimeout(
      () =>
        setNotice((current) =>
          current?.id === withUndo.id ? { ...current, undo: null } : current,
        ),
      undoWindowMs,
    );
    return () => window.clearTimeout(timer);
  }, [withUndo, held]);

  // While the pointer or focus is on the notice, its Undo stays (WCAG 2.2.1: time adjustable).
  useEffect(() => {
    const element = region.current;
    if (!element) return;
    const hold = () => setHeld(true);
    const release = (event: Event) => {
      const next = event instanceof FocusEvent ? event.relatedTarget : null;
      if (!(next instanceof Node && element.contains(next))) setHeld(false);
    };
    element.addEventListener('pointerenter', hold);
    element.addEventListener('pointerleave', release);
    element.addEventListener('focusin', hold);
    element.addEventListener('focusout', release);
    return () => {
      element.removeEventListener('pointerenter', hold);
      element.removeEventListener('pointerleave', release);
      element.removeEventListener('focusin', hold);
      element.removeEventListener('focusout', release);
    };
  }, []);

  // The notice as last rendered, for the U shortcut (state updaters must stay pure).
  const latest = useRef(notice);
  useEffect(() => {
    latest.current = notice;
  });
  const [status] = useState<ModerationStatus>(() => ({
    announce: (message, undo) => setNotice({ id: nextId++, message, undo: undo ?? null }),
    undoLast: () => {
      const current = latest.current;
      if (!current?.undo) return false;
      latest.current = { ...current, undo: null };
      setNotice(latest.current);
      current.undo();
      return true;
    },
  }));

  return (
    <StatusContext value={status}>
      {children}
      <div
        ref={region}
        className={`moderation-toast${notice ? ' moderation-toast--shown' : ''}`}
        role="status"
      >
        {notice ? (
          <>
            <span className="moderation-toast__message">{notice.message}</span>
            {notice.undo ? (
              <button
                type="button"
                className="button button--quiet moderation-toast__undo"
                onClick={() => {
                  const undo = notice.undo;
                  setNotice({ ...notice, undo: null });
                  undo?.();
                }}
              >
                Undo
              </button>
            ) : null}
            <button
              type="button"
              className="moderation-toast__close button button--quiet"
              aria-label="Dismiss this message"
              onClick={() => setNotice(null)}
            >
              ×
            </button>
          </>
        ) : null}
      </div>
    </StatusContext>
  );
}
