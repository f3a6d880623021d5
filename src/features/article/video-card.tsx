import { useId, useRef, useState } from 'react';
import { formatDuration, isoDuration } from '../../lib/format-date';
import type { VideoBlock } from '../../contract/articles';
import { ResponsiveImage } from './responsive-image';
import { VideoDialog } from './video-dialog';

export function VideoCard({ block, eager }: { block: VideoBlock; eager: boolean }) {
  const [open, setOpen] = useState(false);
  const cardRef = useRef<HTMLButtonElement>(null);
  const duration = formatDuration(block.durationSeconds);
  const id = useId();

  return (
    // The poster is outside the button, whose name is then exactly its visible text, spaces
    // included (WCAG 2.5.3, label in name); the button still covers the whole card (article.css).
    <div className="video-card">
      <div className="video-card__media">
        <ResponsiveImage
          image={block.poster}
          sizes="(min-width: 56rem) 52rem, 100vw"
          className="video-card__poster"
          priority={eager ? 'high' : 'lazy'}
        />
        <svg className="video-card__play" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
          <circle cx="32" cy="32" r="31" />
          <path d="M26 20 L46 32 L26 44 Z" />
        </svg>
      </div>
      <button
        ref={cardRef}
        type="button"
        className="video-card__button"
        aria-haspopup="dialog"
        // Spelled out so the name reads "Play video: <title> <duration>" with its spaces.
        aria-labelledby={`${id}-action ${id}-title ${id}-duration`}
        onClick={() => setOpen(true)}
      >
        <span className="video-card__text">
          <span id={`${id}-action`} className="visually-hidden">
            Play video:
          </span>
          <span id={`${id}-title`} className="video-card__title">
            {block.title}
          </span>{' '}
          <time
            id={`${id}-duration`}
            className="video-card__duration"
            dateTime={isoDuration(block.durationSeconds)}
          >
            {duration}
          </time>
        </span>
      </button>
      {open ? (
        <VideoDialog
          block={block}
          onClose={() => {
            setOpen(false);
            cardRef.current?.focus();
          }}
        />
      ) : null}
    </div>
  );
}
