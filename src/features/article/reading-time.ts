import type { ArticleBlock } from '../../contract/articles';

/** A common adult silent-reading speed for non-fiction on screen. */
export const wordsPerMinute = 230;

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** The words a reader reads: paragraphs, quotes (with their attribution) and captions. */
export function articleWordCount(blocks: readonly ArticleBlock[]): number {
  let words = 0;
  for (const block of blocks) {
    switch (block.type) {
      case 'paragraph':
        words += countWords(block.text);
        break;
      case 'quote':
        words += countWords(block.text) + countWords(block.attribution ?? '');
        break;
      case 'figure':
        words += countWords(block.caption);
        break;
      case 'video':
        // Watching is not reading: the video's own duration is shown on its card.
        break;
    }
  }
  return words;
}

/** Whole minutes, rounded to the nearest, and never "0 min" for a story that has any text. */
export function readingMinutes(blocks: readonly ArticleBlock[]): number {
  return Math.max(1, Math.round(articleWordCount(blocks) / wordsPerMinute));
}
