import { useRef, type ReactNode } from 'react';
import { ReaderSettingsMenu } from '../features/reader-settings/reader-settings-menu';
import { Link } from '../lib/router/link';
import { useFocusOnNavigation } from '../lib/router/use-focus-on-navigation';
import { siteName } from '../lib/site';
import { QueuedCommentsSlot } from './queued-comments-slot';

export function Layout({ children }: { children: ReactNode }) {
  const main = useRef<HTMLElement>(null);
  useFocusOnNavigation(main);
  return (
    <>
      <a className="skip-link" href="#main-content">
        Skip to content
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="site-header__name">
            {siteName}
          </Link>
          <p className="site-header__tagline">News, with comments worth reading</p>
          <ReaderSettingsMenu />
        </div>
      </header>
      <main ref={main} id="main-content" className="site-main" tabIndex={-1}>
        <QueuedCommentsSlot />
        {children}
      </main>
      <footer className="site-footer">
        <p>
          {siteName} is a demo reader. Sample stories are marked as such; illustrations stand in for
          photos we cannot show.
        </p>
      </footer>
    </>
  );
}
