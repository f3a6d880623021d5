/** The fallback for a part of the page that failed; the rest of the page keeps working. */
export function SectionError({ what, onRetry }: { what: string; onRetry: () => void }) {
  return (
    <div className="error-state" role="alert">
      <p className="error-state__title">The {what} couldn’t be shown</p>
      <p>Something went wrong while showing them. The rest of the page is fine.</p>
      <button type="button" className="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
