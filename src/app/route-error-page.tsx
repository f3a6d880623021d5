import { Link, useRouteError } from 'react-router';
import { useEffect } from 'react';

/** Last line of defence: a render error anywhere in the app shows this, never a blank page. */
export function RouteErrorPage() {
  const error = useRouteError();
  useEffect(() => {
    console.error('Unexpected error while rendering', error);
  }, [error]);
  return (
    <main className="site-main notice-page">
      <h1>Something went wrong</h1>
      <p>This page hit an unexpected problem. Reloading usually helps.</p>
      <p>
        <Link to="/" reloadDocument>
          Go to the front page
        </Link>
      </p>
    </main>
  );
}
