import { TextDecoder } from 'node:util';
import { ImportFormatError } from './import-error';

/**
 * The encoding of an XML document, as the XML spec's appendix F finds it: a byte-order mark,
 * else the pattern of "<?xml" in UTF-16 without one, else the declaration's encoding="...",
 * else UTF-8.
 */
export function sniffXmlEncoding(head: Uint8Array): { encoding: string; bomLength: number } {
  const [a, b, c] = head;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  if (a === 0x00 && b === 0x3c) return { encoding: 'utf-16be', bomLength: 0 };
  if (a === 0x3c && b === 0x00) return { encoding: 'utf-16le', bomLength: 0 };
  // The declaration is ASCII in every encoding this branch can meet.
  const text = new TextDecoder('latin1').decode(head.subarray(0, 200));
  const declared = /^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']/.exec(text)?.[1];
  return { encoding: declared ? declared.toLowerCase() : 'utf-8', bomLength: 0 };
}

/**
 * Bytes in, text out, decoded as the document declares. Bytes that are not valid in that
 * encoding are an error (a file mislabelled as UTF-8 would otherwise import as mojibake).
 */
export async function* decodeXml(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  let pending = new Uint8Array(0);
  let encoding = 'utf-8';
  let offset = 0;
  const decode = (bytes: Uint8Array, stream: boolean) => {
    try {
      return (decoder as TextDecoder).decode(bytes, { stream });
    } catch {
      throw new ImportFormatError(
        `The file is not valid ${encoding} (the encoding it declares) near byte ${offset}: ` +
          'save it in that encoding, or correct the encoding="..." in its first line.',
      );
    }
  };
  for await (const chunk of chunks) {
    if (!decoder) {
      // Enough bytes to see the declaration before choosing the decoder.
      const joined = new Uint8Array(pending.length + chunk.length);
      joined.set(pending);
      joined.set(chunk, pending.length);
      if (joined.length < 200) {
        pending = joined;
        continue;
      }
      const found = sniffXmlEncoding(joined);
      encoding = found.encoding;
      decoder = makeDecoder(encoding);
      const text = decode(joined.subarray(found.bomLength), true);
      offset += joined.length;
      if (text) yield text;
      continue;
    }
    const text = decode(chunk, true);
    offset += chunk.length;
    if (text) yield text;
  }
  if (!decoder) {
    const found = sniffXmlEncoding(pending);
    encoding = found.encoding;
    decoder = makeDecoder(encoding);
    const text = decode(pending.subarray(found.bomLength), false);
    if (text) yield text;
    return;
  }
  const rest = decode(new Uint8Array(0), false);
  if (rest) yield rest;
}

function makeDecoder(encoding: string): TextDecoder {
  try {
    // ignoreBOM: the mark was already taken off (or there was none) by the sniffer.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  } catch {
    throw new ImportFormatError(
      `The file declares the encoding "${encoding}", which this importer does not know: ` +
        'convert it to UTF-8 (for example with iconv) and import it again.',
    );
  }
}
