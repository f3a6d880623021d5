/** Web addresses as commenters type them: with a scheme, or starting with www. */
const linkPattern = /\b(?:https?:\/\/|www\.)[^\s<>"'`]+/giu;

/** Where the links are in a text, so they can be marked: [text, isLink] pieces in order. */
export function splitLinks(text: string): [string, boolean][] {
  const pieces: [string, boolean][] = [];
  let last = 0;
  for (const match of text.matchAll(linkPattern)) {
    // Trailing punctuation ends a sentence, not the address.
    const link = match[0].replace(/[.,;:!?)\]]+$/u, '');
    const start = match.index;
    if (start > last) pieces.push([text.slice(last, start), false]);
    pieces.push([link, true]);
    last = start + link.length;
  }
  if (last < text.length) pieces.push([text.slice(last), false]);
  return pieces;
}

export function countLinks(text: string): number {
  return splitLinks(text).filter(([, isLink]) => isLink).length;
}
