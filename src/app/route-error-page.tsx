/** Last line of defence: a render error anywhere in the app shows this, never a blank page. */
export function RouteErrorPage() {
  return (
    <main className="site-main notice-page">
      <h1>Something went wrong</h1>
      <p>This page hit an unexpected problem. Reloading usually helps.</p>
      <p>
        {/* A full page load on purpose: whatever broke is left behind with this document. */}
        <a href="/">Go to the front page</a>
      </p>
    </main>
  );
}
