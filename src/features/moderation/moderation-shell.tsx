import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { describeError } from '../../lib/error-message';
import { Link } from '../../lib/router/link';
import { useDocumentTitle } from '../../lib/use-document-title';
import type { ModerationSession } from '../../contract/moderation';
import { moderationApi } from './moderation-api';
import { endSession, isSignedOut } from './moderation-query-client';
import { ModerationStatusProvider } from './moderation-status';

const sections = [
  { path: '/', href: '/moderate', label: 'Comments' },
  { path: '/settings', href: '/moderate/settings', label: 'Settings' },
  { path: '/audit', href: '/moderate/audit', label: 'Audit log' },
  { path: '/privacy', href: '/moderate/privacy', label: 'Privacy requests' },
] as const;

/** The frame of every moderation screen: who is signed in, the sections, signing out. */
export function ModerationShell({
  session,
  path,
  title,
  children,
}: {
  session: ModerationSession;
  path: string | null;
  title: string;
  children: ReactNode;
}) {
  useDocumentTitle(`${title} · Moderation`);
  const client = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  const [error, setError] = useState<string | null>(null);
  const signOut = useMutation({
    mutationFn: (everywhere: boolean) =>
      everywhere ? moderationApi.signOutEverywhere() : moderationApi.signOut(),
    onSuccess: () => endSession(client),
    onError: (failure) => {
      // Already signed out (expired meanwhile): the same end.
      if (isSignedOut(failure)) return endSession(client);
      const { title: what, detail } = describeError(failure);
      setError(`You are still signed in: ${what.toLowerCase()}. ${detail}`);
    },
  });

  // A new screen (or just signed in): its heading takes focus, as a page load would.
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, [path]);

  return (
    <ModerationStatusProvider>
      <div className="moderation">
        <div className="moderation__bar">
          <p className="moderation__who">
            Signed in as <strong>{session.moderator.name}</strong>
            <span className="moderation__role"> ({session.moderator.role})</span>
          </p>
          <nav className="moderation__nav" aria-label="Moderation">
            <ul>
              {[
                ...sections,
                ...(session.moderator.role === 'editor'
                  ? [{ path: '/articles', href: '/moderate/articles', label: 'Articles' } as const]
                  : []),
              ].map((section) => (
                <li key={section.path}>
                  <Link to={section.href} aria-current={section.path === path ? 'page' : undefined}>
                    {section.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <div className="moderation__account">
            <button
              type="button"
              className="button button--quiet"
              aria-disabled={signOut.isPending || undefined}
              onClick={() => !signOut.isPending && signOut.mutate(false)}
            >
              Sign out
            </button>
            <button
              type="button"
              className="button button--quiet"
              aria-disabled={signOut.isPending || undefined}
              onClick={() => !signOut.isPending && signOut.mutate(true)}
            >
              Sign out everywhere
            </button>
          </div>
        </div>
        {error ? (
          <p className="moderation-form__alert" role="alert">
            {error}
          </p>
        ) : null}
        <h1 ref={heading} tabIndex={-1} className="moderation__title">
          {title}
        </h1>
        {children}
      </div>
    </ModerationStatusProvider>
  );
}
