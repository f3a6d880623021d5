const typing = 'input, textarea, select, [contenteditable="true"]';

/**
 * J or K, pressed to move between comments (as in many mail and feed readers), or null for any
 * other key, a modified one, or one typed into a field.
 */
export function commentKey(event: KeyboardEvent): 'j' | 'k' | null {
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
  const key = event.key.toLowerCase();
  if (key !== 'j' && key !== 'k') return null;
  if (!(event.target instanceof HTMLElement) || event.target.closest(typing)) return null;
  return key;
}
