import { useQuery } from '@tanstack/react-query';
import { commentQueries } from './comment-queries';
import { plural } from './plural';

/**
 * "3 new comments — show": comments others posted since the list was loaded, from the light
 * check (`latest`). A component of its own so that the check's own changes (its first fetch
 * starting as the section mounts, every answer after it) re-render this button only, not the
 * whole section.
 */
export function NewCommentsNotice({
  slug,
  savedTotal,
  listLoaded,
  ownPostPending,
  onShow,
}: {
  slug: string;
  /** Approved comments in the list as loaded. */
  savedTotal: number;
  /** The check runs once the list has loaded. */
  listLoaded: boolean;
  /** The reader's own post, on its way, would count as someone else's: nothing is said then. */
  ownPostPending: boolean;
  onShow: (count: number) => void;
}) {
  const latestTotal = useQuery({ ...commentQueries.latest(slug), enabled: listLoaded }).data;
  const count =
    !ownPostPending && latestTotal !== undefined ? Math.max(0, latestTotal - savedTotal) : 0;
  return (
    <div className="comments__live" aria-live="polite">
      {count > 0 ? (
        <button type="button" className="button" onClick={() => onShow(count)}>
          {plural(count, 'new comment', 'new comments')} — show
        </button>
      ) : null}
    </div>
  );
}
