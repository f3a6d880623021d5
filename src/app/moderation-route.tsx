import { Suspense } from 'react';
import { ErrorBoundary } from '../components/error-boundary';
import { SectionError } from '../components/section-error';
import { lazyWithRetry } from '../lib/lazy-with-retry';

// The moderation screens are a chunk of their own (with their query client, forms and the
// moderation contract): a reader's page never downloads any of it (scripts/bench/sizes.mjs
// checks the build for that).
const ModerationRoot = lazyWithRetry(() =>
  import('../features/moderation/moderation-root').then(({ ModerationRoot }) => ModerationRoot),
);

/** /moderate and the pages under it. */
export function ModerationRoute({ path }: { path: string }) {
  return (
    <ErrorBoundary fallback={(reset) => <SectionError what="moderation screens" onRetry={reset} />}>
      <Suspense
        fallback={
          <p role="status" className="moderation-loading">
            Loading the moderation screens…
          </p>
        }
      >
        <ModerationRoot path={path} />
      </Suspense>
    </ErrorBoundary>
  );
}
