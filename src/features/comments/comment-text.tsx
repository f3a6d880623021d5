/**
 * A comment's words as plain text: blank lines make paragraphs, single newlines line breaks.
 * Everything is a text node, so nothing a commenter types can become markup.
 */
export function CommentText({ text }: { text: string }) {
  const paragraphs = text.split(/\n\s*\n/).filter((p) => p.trim() !== '');
  return (
    <div className="comment__text" dir="auto">
      {paragraphs.map((paragraph, i) => (
        <p key={i} dir="auto">
          {paragraph.split('\n').flatMap((line, j) => (j === 0 ? [line] : [<br key={j} />, line]))}
        </p>
      ))}
    </div>
  );
}
