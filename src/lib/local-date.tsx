import { formatDate, formatDateTime, prerenderDateFormat } from './format-date';
import { useHydrated } from './use-hydrated';

/**
 * A <time> in the reader's own locale and time zone. The prerendered HTML cannot know those, so
 * it (and the hydration that follows) shows a fixed English UTC form; the reader's form replaces
 * it right after hydration. Rendered in the browser from the start, it is the reader's at once.
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
  const format = hydrated ? undefined : prerenderDateFormat;
  return (
    <time
      id={id}
      className={className}
      dateTime={iso}
      title={titleWithTime ? formatDateTime(iso, format) : undefined}
    >
      {withTime ? formatDateTime(iso, format) : formatDate(iso, format)}
    </time>
  );
}
