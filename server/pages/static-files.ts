import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';

const types: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.webm': 'video/webm',
  '.mp4': 'video/mp4',
  '.vtt': 'text/vtt; charset=utf-8',
  '.woff2': 'font/woff2',
  '.xml': 'application/xml; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

export interface StaticFile {
  body: Buffer;
  type: string;
  etag: string;
  cacheControl: string;
  /** Compressed at build time (scripts/compress-assets.mjs), when it was worth it. */
  br?: Buffer;
  gzip?: Buffer;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

/**
 * The files a directory serves under a URL prefix, read once at start (the built app is about
 * a megabyte): HTML aside, which the page renderer makes, and the precompressed copies, which go
 * along with the file they compress.
 */
export function loadStaticFiles(dir: string, prefix = '/'): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  const all = listFiles(dir);
  const present = new Set(all);
  for (const file of all) {
    const ext = extname(file);
    if (ext === '.html' || ext === '.br' || ext === '.gz') continue;
    const path = prefix + relative(dir, file).split(sep).join('/');
    const body = readFileSync(file);
    // Hashed names never change content: cached for a year. Anything else is checked hourly.
    const hashed = /^\/assets\//.test(path);
    files.set(path, {
      body,
      type: types[ext] ?? 'application/octet-stream',
      etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
      cacheControl: hashed ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
      ...(present.has(`${file}.br`) ? { br: readFileSync(`${file}.br`) } : {}),
      ...(present.has(`${file}.gz`) ? { gzip: readFileSync(`${file}.gz`) } : {}),
    });
  }
  return files;
}

/** The encoding to answer with, from what the client accepts and what there is. */
export function pickEncoding(
  acceptEncoding: string | undefined,
  has: { br?: unknown; gzip?: unknown },
): 'br' | 'gzip' | null {
  const accepted = new Set(
    (acceptEncoding ?? '')
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, q]) => !q || !/^q=0(\.0*)?$/.test(q.trim()))
      .map(([name]) => name?.trim().toLowerCase()),
  );
  if (has.br && accepted.has('br')) return 'br';
  if (has.gzip && accepted.has('gzip')) return 'gzip';
  return null;
}
