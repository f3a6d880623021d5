import { createReadStream } from 'node:fs';
import { ImportFormatError } from './import-error';

/** A file's bytes in chunks of 64 KiB: an import reads it as it goes, never whole. */
export async function* fileBytes(path: string): AsyncGenerator<Uint8Array> {
  const stream = createReadStream(path, { highWaterMark: 64 * 1024 });
  try {
    for await (const chunk of stream) yield chunk as Buffer;
  } catch (error) {
    throw new ImportFormatError(`Cannot read ${path}: ${(error as Error).message}`);
  }
}

/** A URL's body in chunks, as it arrives. */
export async function* urlBytes(url: string): AsyncGenerator<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: {
        accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5',
      },
    });
  } catch (error) {
    throw new ImportFormatError(`Cannot fetch ${url}: ${(error as Error).message}`);
  }
  if (!response.ok || !response.body) {
    throw new ImportFormatError(
      `Cannot fetch ${url}: the server answered ${response.status} ${response.statusText}.`,
    );
  }
  for await (const chunk of response.body) yield chunk;
}

/** Bytes of a string, for tests and for text already in memory. */
export async function* stringBytes(text: string | Uint8Array): AsyncGenerator<Uint8Array> {
  yield typeof text === 'string' ? new TextEncoder().encode(text) : text;
}
