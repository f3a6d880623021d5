import './article.css';
/** Holds the article's place while it loads, with the shapes of a headline, media and text. */
export function ArticleSkeleton() {
  return (
    <div className="article skeleton" role="status" aria-live="polite">
      <span className="visually-hidden">Loading the article…</span>
      <div aria-hidden="true">
        <div className="skeleton__line skeleton__line--headline" />
        <div className="skeleton__line skeleton__line--headline skeleton__line--short" />
        <div className="skeleton__line skeleton__line--meta" />
        <div className="skeleton__media" />
        {Array.from({ length: 4 }, (_, i) => (
          <div key={i} className="skeleton__paragraph">
            <div className="skeleton__line" />
            <div className="skeleton__line" />
            <div className="skeleton__line skeleton__line--short" />
          </div>
        ))}
      </div>
    </div>
  );
}
