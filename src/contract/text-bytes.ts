const encoder = new TextEncoder();

/** Length in UTF-8 bytes: how WordPress (and MySQL) count the comment limits. */
export function utf8Bytes(text: string): number {
  return encoder.encode(text).length;
}
