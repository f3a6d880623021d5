import './moderation.css';
import { QueryClientProvider, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorState } from '../../components/error-state';
import { ArticleEditorPage } from './article-editor-page';
import { ArticlesPage } from './articles-page';
import { AuditPage } from './audit-page';
import { ErasurePage } from './erasure-page';
import { ModerationShell } from './moderation-shell';
import { moderationQueries } from './moderation-queries';
import { createModerationQueryClient } from './moderation-query-client';
import { QueuePage } from './queue-page';
import { SettingsPage } from './settings-page';
import { SignInPage } from './sign-in-page';

/** The screens under /moderate, by the part of the path after it. */
const moderationPages = {
  '/': { title: 'Comments', Page: QueuePage },
  '/settings': { title: 'Settings', Page: SettingsPage },
  '/audit': { title: 'Audit log', Page: AuditPage },
  '/privacy': { title: 'Privacy requests', Page: ErasurePage },
} as const;
type ModerationPath = keyof typeof moderationPages;

function isModerationPath(path: string): path is ModerationPath {
  return path in moderationPages;
}

function ModerationScreens({ path }: { path: string }) {
  const session = useQuery(moderationQueries.session());
  if (session.isPending) {
    return (
      <p role="status" className="moderation-loading">
        Checking whether you are signed in…
      </p>
    );
  }
  if (session.isError) {
    return <ErrorState error={session.error} onRetry={() => void session.refetch()} />;
  }
  if (!session.data) return <SignInPage />;
  const current = path.replace(/\/$/, '') || '/';
  const articlePath = /^\/articles(?:\/(new|[1-9]\d*))?$/.exec(current);
  if (articlePath) {
    const [, which] = articlePath;
    const title =
      which === undefined ? 'Articles' : which === 'new' ? 'New article' : 'Edit article';
    return (
      <ModerationShell session={session.data} path="/articles" title={title}>
        {session.data.moderator.role !== 'editor' ? (
          <p>Only an editor can manage articles: ask the site owner for the editor role.</p>
        ) : which === undefined ? (
          <ArticlesPage />
        ) : (
          <ArticleEditorPage id={which === 'new' ? null : which} />
        )}
      </ModerationShell>
    );
  }
  if (!isModerationPath(current)) {
    return (
      <ModerationShell session={session.data} path={null} title="Page not found">
        <p>There is no moderation screen at this address.</p>
      </ModerationShell>
    );
  }
  const { title, Page } = moderationPages[current];
  return (
    <ModerationShell session={session.data} path={current} title={title}>
      <Page />
    </ModerationShell>
  );
}

/** /moderate: the sign-in page, then the moderation screens, with their own query client. */
export function ModerationRoot({ path }: { path: string }) {
  const [client] = useState(() => createModerationQueryClient());
  return (
    <QueryClientProvider client={client}>
      <ModerationScreens path={path} />
    </QueryClientProvider>
  );
}
