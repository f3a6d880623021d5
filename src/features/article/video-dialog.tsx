import { useEffect, useId, useRef } from 'react';
import type { VideoBlock } from '../../contract/articles';

/**
 * A modal <dialog>: the browser makes the page behind it inert (so Tab stays in the dialog and
 * the browser's own toolbar) and closes it on Escape. No Tab handling of our own: it would count
 * the <video> as one stop and skip its native controls (play, seek, volume, captions, full
 * screen), which the browser puts in the tab order itself.
 */
export function VideoDialog({ block, onClose }: { block: VideoBlock; onClose: () => void }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const videoRef = useRef<HTMLVideoElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>('.video-dialog__close')?.focus();
    // Opening was the reader's own click, so the browser allows playback with sound.
    videoRef.current?.play().catch(() => {
      /* the controls stay available when autoplay is refused */
    });
    // No cleanup that closes the dialog: its `close` event would report a close the reader
    // never asked for (StrictMode re-runs this effect); removing the element ends the modal.
  }, []);

  return (
    // The dialog handles backdrop clicks (a pointer convenience; Escape and the Close button are
    // the keyboard's ways out); its controls stay buttons.
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions
    <dialog
      ref={dialogRef}
      className="video-dialog"
      aria-labelledby={titleId}
      onClose={onClose}
      onClick={(event) => {
        // A click on the backdrop (the dialog element itself, outside its content) closes it.
        if (event.target === event.currentTarget) event.currentTarget.close();
      }}
    >
      <div className="video-dialog__content">
        <div className="video-dialog__header">
          <h2 id={titleId} className="video-dialog__title">
            {block.title}
          </h2>
          <button
            type="button"
            className="video-dialog__close button button--quiet"
            onClick={() => dialogRef.current?.close()}
          >
            Close<span className="visually-hidden"> video</span>
          </button>
        </div>
        <video
          ref={videoRef}
          className="video-dialog__video"
          controls
          playsInline
          preload="metadata"
          poster={block.poster.src}
          width={block.poster.width}
          height={block.poster.height}
        >
          {block.sources.map((source) => (
            <source key={source.src} src={source.src} type={source.type} />
          ))}
          <track
            kind="captions"
            src={block.captions.src}
            srcLang={block.captions.srclang}
            label={block.captions.label}
            default
          />
        </video>
      </div>
    </dialog>
  );
}
