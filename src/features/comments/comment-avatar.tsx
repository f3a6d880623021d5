const hues = 12;

/**
 * Initials on a colour picked from the name. Unlike a Gravatar (an unsalted hash of the email
 * that can be reversed and followed across sites), it reveals nothing the comment does not show.
 */
export function CommentAvatar({ name }: { name: string }) {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const initials = [words[0], words.length > 1 ? words.at(-1) : undefined]
    .map((word) => (word ? (Array.from(word)[0] ?? '') : ''))
    .join('')
    .toLocaleUpperCase();
  let hash = 0;
  for (const char of name) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) % 9973;
  // A class per hue rather than an inline style, which the Content-Security-Policy forbids.
  return (
    <span className={`comment__avatar comment__avatar--hue-${hash % hues}`} aria-hidden="true">
      {initials || '?'}
    </span>
  );
}
