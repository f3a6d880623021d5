import seedText from '../mocks/fixtures/seed/article.txt?raw';

/** The seed document's non-empty lines, up to where its comment section begins. */
export const seedArticleLines: readonly string[] = (() => {
  const lines = seedText
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return lines.slice(0, lines.indexOf('Leave a Reply'));
})();

/**
 * Seed lines that the rendered article does not show, in order. The seed gives some lines
 * once as an image's text alternative and then as visible text, so each image alternative
 * may stand for one line.
 */
export function missingSeedLines(articleText: string, imageAlts: readonly string[]): string[] {
  const unmatchedAlts = [...imageAlts];
  const missing: string[] = [];
  let rest = articleText;
  for (const line of seedArticleLines) {
    const altIndex = unmatchedAlts.indexOf(line);
    if (altIndex >= 0) {
      unmatchedAlts.splice(altIndex, 1);
      continue;
    }
    const at = rest.indexOf(line);
    if (at < 0) missing.push(line);
    else rest = rest.slice(at + line.length);
  }
  return missing;
}
