import { SaxesParser } from 'saxes';
import { ImportFormatError } from './import-error';

/** An element as the importers see it: namespace and local name, attributes, mixed content. */
export interface XmlElement {
  uri: string;
  local: string;
  /** Attributes by "{uri}local" for namespaced ones, by local name otherwise. */
  attrs: Record<string, string>;
  children: (XmlElement | string)[];
  line: number;
}

export const xmlNs = 'http://www.w3.org/XML/1998/namespace';

/**
 * Parses a document as it arrives and hands over each "record" (a feed's item, a WXR item, a
 * Disqus post) as soon as it is closed, then forgets it: memory holds one record, not the file.
 * The elements around the records are kept (without them) and passed along, so a record can be
 * read with its channel's title or authors. The parser is strict: a document that is not
 * well-formed XML (or uses a namespace prefix it never declared) stops the import with the line
 * and column. No DTD is read, so no entity defined in one can expand (nor blow up).
 */
export async function* xmlRecords(
  text: AsyncIterable<string>,
  isRecord: (element: XmlElement, depth: number) => boolean,
  fileName: string,
): AsyncGenerator<{ record: XmlElement; ancestors: readonly XmlElement[] }, XmlElement> {
  const parser = new SaxesParser({ xmlns: true, position: true, fileName });
  const stack: XmlElement[] = [];
  const done: { record: XmlElement; ancestors: readonly XmlElement[] }[] = [];
  let root: XmlElement | null = null;
  let failure: Error | null = null;
  parser.on('error', (error) => {
    failure ??= new ImportFormatError(`${fileName} is not well-formed XML: ${error.message}`);
  });
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = {};
    for (const attr of Object.values(tag.attributes)) {
      if (attr.prefix === 'xmlns' || attr.name === 'xmlns') continue;
      attrs[attr.uri ? `{${attr.uri}}${attr.local}` : attr.local] = attr.value;
    }
    const element: XmlElement = {
      uri: tag.uri ?? '',
      local: tag.local ?? tag.name,
      attrs,
      children: [],
      line: parser.line,
    };
    stack.push(element);
  });
  parser.on('closetag', () => {
    const element = stack.pop();
    if (!element) return;
    const parent = stack.at(-1);
    if (!parent) {
      root = element;
    } else if (isRecord(element, stack.length)) {
      done.push({ record: element, ancestors: [...stack] });
    } else {
      parent.children.push(element);
    }
  });
  const addText = (value: string) => {
    const parent = stack.at(-1);
    if (!parent) return;
    const last = parent.children.at(-1);
    if (typeof last === 'string') parent.children[parent.children.length - 1] = last + value;
    else parent.children.push(value);
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  for await (const chunk of text) {
    parser.write(chunk);
    if (failure) throw failure;
    for (const item of done.splice(0)) yield item;
  }
  parser.close();
  if (failure) throw failure;
  for (const item of done.splice(0)) yield item;
  if (!root) throw new ImportFormatError(`${fileName} is empty: there is no XML in it.`);
  return root;
}

/** The element's text, all of it (descendants too), as written. */
export function textOf(element: XmlElement | undefined): string {
  if (!element) return '';
  return element.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}

export function childrenNamed(element: XmlElement, local: string, uri?: (u: string) => boolean) {
  return element.children.filter(
    (c): c is XmlElement => typeof c !== 'string' && c.local === local && (!uri || uri(c.uri)),
  );
}

export function child(element: XmlElement, local: string, uri?: (u: string) => boolean) {
  return childrenNamed(element, local, uri)[0];
}

/** The trimmed text of the first child of that name ('' if none). */
export function childText(element: XmlElement, local: string, uri?: (u: string) => boolean) {
  return textOf(child(element, local, uri)).trim();
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escape = (s: string) => s.replace(/[&<>"]/g, (ch) => escapes[ch] ?? ch);

/** The element's content written back as markup (for inline XHTML content in Atom). */
export function innerXml(element: XmlElement): string {
  return element.children
    .map((c) => {
      if (typeof c === 'string') return escape(c);
      const attrs = Object.entries(c.attrs)
        .filter(([key]) => !key.startsWith('{'))
        .map(([key, value]) => ` ${key}="${escape(value)}"`)
        .join('');
      return `<${c.local}${attrs}>${innerXml(c)}</${c.local}>`;
    })
    .join('');
}
