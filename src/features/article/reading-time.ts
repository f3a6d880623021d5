import type { ArticleBlock } from '../../contract/articles';
import { richTextPlain } from './rich-text-plain';

/** A common adult silent-reading speed for non-fiction on screen. */
export const wordsPerMinute = 230;

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** The words a reader reads: paragraphs, headings, lists, quotes (with their attribution), captions and preformatted text. */
export function articleWordCount(blocks: readonly ArticleBlock[]): number {
  let words = 0;
  for (const block of blocks) {
    switch (block.type) {
      case 'paragraph':
      case 'heading':
        words += countWords(richTextPlain(block.text));
        break;
      case 'list':
        for (const item of block.items) words += countWords(richTextPlain(item));
        break;
      case 'quote':
        words += countWords(richTextPlain(block.text)) + countWords(block.attribution ?? '');
        break;
      case 'figure':
        words += countWords(richTextPlain(block.caption));
        break;
      case 'preformatted':
        words += countWords(block.text);
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
