import type { Inline, RichText } from '../../contract/articles';

/** The words a reader sees in rich text, for the reading time. */
export function richTextPlain(value: RichText): string {
  if (typeof value === 'string') return value;
  return value.map(inlinePlain).join('');
}

function inlinePlain(item: Inline): string {
  if (typeof item === 'string') return item;
  switch (item.type) {
    case 'link':
    case 'em':
    case 'strong':
      return item.children.map(inlinePlain).join('');
    case 'code':
      return item.text;
    case 'break':
      return '\n';
  }
}
