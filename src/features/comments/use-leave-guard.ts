import { useEffect } from 'react';
import { useNavigationGuard } from '../../lib/router/router-context';

const question =
  'You have a comment that hasn’t been posted yet. Leave this page? Its text stays saved as a draft on this device.';

/** Asks before the reader leaves (closing the tab, or an in-app link) with an unsent comment. */
export function useLeaveGuard(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers need a returnValue; the text itself is not shown by any current browser.
      event.returnValue = question;
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [active]);

  useNavigationGuard(
    active
      ? (next, current) => next.pathname === current.pathname || window.confirm(question)
      : null,
  );
}
