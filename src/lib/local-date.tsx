import { formatDate, formatDateTime } from './format-date';
import { useHydrated } from './use-hydrated';

/**
 * A <time> on the reader's own clock. The prerendered HTML cannot know the reader's time zone, so
 * it (and the hydration that follows) shows the UTC form; the reader's replaces it right after
 * hydration. Rendered in the browser from the start, it is the reader's at once.
 */
export function LocalDate({
  iso,
  withTime = false,
  titleWithTime = false,
  id,
  className,
}: {
  iso: string;
  withTime?: boolean;
  /** A tooltip with the date and time. */
  titleWithTime?: boolean;
  id?: string;
  className?: string;
}) {
  const hydrated = useHydrated();
  const clock = hydrated ? 'local' : 'utc';
  return (
    <time
      id={id}
      className={className}
      dateTime={iso}
      title={titleWithTime ? formatDateTime(iso, clock) : undefined}
    >
      {withTime ? formatDateTime(iso, clock) : formatDate(iso, clock)}
    </time>
  );
}
