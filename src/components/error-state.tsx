import { describeError } from '../lib/error-message';

export function ErrorState({
  error,
  onRetry,
  retrying = false,
}: {
  error: unknown;
  onRetry: () => void;
  retrying?: boolean;
}) {
  const { title, detail } = describeError(error);
  return (
    <div className="error-state" role="alert">
      <p className="error-state__title">{title}</p>
      <p>{detail}</p>
      <button type="button" className="button" onClick={onRetry} disabled={retrying}>
        {retrying ? 'Trying again…' : 'Try again'}
      </button>
    </div>
  );
}
