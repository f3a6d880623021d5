import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { ErrorState } from '../../components/error-state';
import { formatDateTime } from '../../lib/format-date';
import { Link } from '../../lib/router/link';
import { useLocation } from '../../lib/router/router-context';
import type { AuditAction, AuditEntry } from '../../contract/moderation';
import { moderationQueries } from './moderation-queries';

const actionText: Record<AuditAction, string> = {
  approve: 'Approved',
  unapprove: 'Unapproved',
  spam: 'Marked as spam',
  trash: 'Trashed',
  restore: 'Restored',
  delete: 'Deleted permanently',
  undo: 'Undid an action',
  edit: 'Edited',
  reply: 'Replied as the site',
  settings: 'Changed the settings',
  export: 'Exported a person’s comments',
  erase: 'Erased a person’s data',
  'create-article': 'Wrote an article',
  'update-article': 'Edited an article',
  'publish-article': 'Published an article',
  'unpublish-article': 'Unpublished an article',
};

function Subject({ entry }: { entry: AuditEntry }) {
  if (!entry.commentId) return <>—</>;
  if (!entry.article) return <>Comment {entry.commentId}</>;
  return (
    <a href={`/articles/${encodeURIComponent(entry.article.slug)}#comment-${entry.commentId}`}>
      Comment {entry.commentId} on {entry.article.title}
    </a>
  );
}

/** Who did what to which comment, when: newest first, a page at a time. */
export function AuditPage() {
  const id = useId();
  const { search } = useLocation();
  const asked = Number(new URLSearchParams(search).get('page'));
  const page = Number.isInteger(asked) && asked > 1 ? asked : 1;
  const audit = useQuery(moderationQueries.audit(page));
  if (audit.isPending) {
    return (
      <p role="status" className="moderation-loading">
        Loading the audit log…
      </p>
    );
  }
  if (audit.isError) return <ErrorState error={audit.error} onRetry={() => void audit.refetch()} />;
  const { entries, total, pageSize } = audit.data;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (entries.length === 0) return <p>Nothing has been done yet.</p>;
  return (
    <>
      <div className="audit-table-wrap">
        <table className="audit-table" aria-describedby={`${id}-caption`}>
          <caption id={`${id}-caption`}>
            {total} entr{total === 1 ? 'y' : 'ies'}, newest first
          </caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Comment</th>
              <th scope="col">Status</th>
              <th scope="col">Detail</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>
                  <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                </td>
                <td>{entry.moderator?.name ?? 'No account (removed, or the command line)'}</td>
                <td>{actionText[entry.action]}</td>
                <td>
                  <Subject entry={entry} />
                </td>
                <td>
                  {entry.fromStatus || entry.toStatus
                    ? `${entry.fromStatus ?? '—'} → ${entry.toStatus ?? 'gone'}`
                    : '—'}
                </td>
                <td>{entry.detail ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 ? (
        <nav className="queue-pager" aria-label="Pages">
          {page > 1 ? <Link to={`/moderate/audit?page=${page - 1}`}>Newer entries</Link> : null}
          <span>
            Page {page} of {pages}
          </span>
          {page < pages ? <Link to={`/moderate/audit?page=${page + 1}`}>Older entries</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
