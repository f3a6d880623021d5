import type { ReactNode } from 'react';
import { splitLinks } from './links';

function line(text: string, key: string): ReactNode[] {
  return splitLinks(text).map(([piece, isLink], i) =>
    isLink ? (
      <mark key={`${key}-${i}`} className="queue-link">
        <span className="visually-hidden">link: </span>
        {piece}
      </mark>
    ) : (
      piece
    ),
  );
}

/**
 * A comment's text for moderators: plain text (paragraphs and line breaks kept, nothing parsed
 * as markup) with every web address marked. The addresses are not links: a moderator reads
 * them before anyone follows them.
 */
export function LinkedText({ text }: { text: string }) {
  const paragraphs = text.split(/\n\s*\n/).filter((p) => p.trim() !== '');
  return (
    <div className="queue-item__text" dir="auto">
      {paragraphs.map((paragraph, i) => (
        <p key={i} dir="auto">
          {paragraph
            .split('\n')
            .flatMap((text, j) =>
              j === 0 ? line(text, `${j}`) : [<br key={`br-${j}`} />, ...line(text, `${j}`)],
            )}
        </p>
      ))}
    </div>
  );
}
