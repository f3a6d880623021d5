import { useId, useState } from 'react';
import { formatTextSize, textSizes, type TextSize } from './reader-settings';

export function TextSizeControl({
  value,
  onChange,
}: {
  value: TextSize;
  onChange: (size: TextSize) => void;
}) {
  const labelId = useId();
  // Said only after a press, so opening the panel is quiet.
  const [announcement, setAnnouncement] = useState('');
  const index = textSizes.indexOf(value);
  const smallest = index === 0;
  const largest = index === textSizes.length - 1;

  function step(by: -1 | 1) {
    const next = textSizes[index + by];
    if (next === undefined) {
      setAnnouncement(
        `Text size ${formatTextSize(value)} is already the ${by < 0 ? 'smallest' : 'largest'}`,
      );
      return;
    }
    onChange(next);
    const end =
      next === textSizes[0] ? ', the smallest' : next === textSizes.at(-1) ? ', the largest' : '';
    setAnnouncement(`Text size ${formatTextSize(next)}${end}`);
  }

  // aria-disabled rather than disabled at the ends: a disabled button would drop keyboard focus
  // to the page the moment it was reached.
  return (
    <div className="text-size" role="group" aria-labelledby={labelId}>
      <span id={labelId} className="reader-settings__heading">
        Text size
      </span>
      <div className="text-size__controls">
        <button
          type="button"
          className="text-size__button"
          aria-disabled={smallest || undefined}
          onClick={() => step(-1)}
        >
          <span className="text-size__glyph text-size__glyph--small" aria-hidden="true">
            A
          </span>
          Smaller <span className="visually-hidden">text</span>
        </button>
        <span className="text-size__value">{formatTextSize(value)}</span>
        <button
          type="button"
          className="text-size__button"
          aria-disabled={largest || undefined}
          onClick={() => step(1)}
        >
          <span className="text-size__glyph text-size__glyph--large" aria-hidden="true">
            A
          </span>
          Larger <span className="visually-hidden">text</span>
        </button>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
