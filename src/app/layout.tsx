import type { ReactNode } from 'react';
import { ReaderSettingsMenu } from '../features/reader-settings/reader-settings-menu';
import { Link } from '../lib/router/link';
import { siteName } from '../lib/site';

export function Layout({ children }: { children: ReactNode }) {
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
      <main id="main-content" className="site-main" tabIndex={-1}>
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
