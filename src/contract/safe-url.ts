/**
 * The URL, normalised, if it is an absolute http(s) address that a link may point at; otherwise
 * null. Parsing (not pattern matching) is what defeats obfuscations such as "java\tscript:",
 * " JaVaScRiPt:", entity-encoded schemes or "data:" URLs: the WHATWG parser reads them the way
 * a browser would, and anything that is not http: or https: is refused.
 */
export function safeHttpUrl(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!url.hostname || url.username || url.password) return null;
  return url.href;
}
