// Chunk sizes of a Vite build, from its manifest: every JS/CSS file with its gzip and brotli size,
// and the groups the budgets talk about (what the article route loads up front, the comment form).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export function compressedSizes(buffer) {
  return {
    raw: buffer.length,
    gzip: gzipSync(buffer, { level: 9 }).length,
    brotli: brotliCompressSync(buffer, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length,
  };
}

function readManifest(outDir) {
  return JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8'));
}

/** The mock layer (worker, handlers, fixtures, panel): shipped only by the demo build. */
export function isMockChunk(chunk) {
  return (
    /^mocks\/|node_modules\/(msw|@mswjs)\//.test(chunk.src ?? '') ||
    /^mock|msw/.test(chunk.name ?? '')
  );
}

/**
 * The JavaScript a page loads before it can be used: the HTML entry and every chunk it imports
 * statically, transitively. Dynamic imports (comments, the form, the mock worker) are not in it.
 */
export function staticGraph(manifest, key) {
  const seen = new Set();
  const visit = (k) => {
    if (seen.has(k)) return;
    seen.add(k);
    for (const dep of manifest[k].imports ?? []) visit(dep);
  };
  visit(key);
  return [...seen];
}

export function analyseBuild(outDir) {
  const manifest = readManifest(outDir);
  const sizeOf = (file) => compressedSizes(readFileSync(join(outDir, file)));
  const chunks = readdirSync(join(outDir, 'assets'))
    .filter((f) => /\.(js|css)$/.test(f))
    .map((f) => {
      const key = Object.keys(manifest).find((k) => manifest[k].file === `assets/${f}`);
      const entry = key ? manifest[key] : undefined;
      return {
        file: `assets/${f}`,
        src: entry?.src ?? key ?? '',
        mock: entry ? isMockChunk(entry) : /mock/.test(f),
        ...sizeOf(`assets/${f}`),
      };
    })
    .sort((a, b) => b.gzip - a.gzip);

  const entryKey = Object.keys(manifest).find(
    (k) => manifest[k].isEntry && k.endsWith('index.html'),
  );
  const routeKeys = staticGraph(manifest, entryKey).filter((k) => !isMockChunk(manifest[k]));
  const sum = (files) =>
    files.reduce(
      (total, file) => {
        const s = sizeOf(file);
        return {
          raw: total.raw + s.raw,
          gzip: total.gzip + s.gzip,
          brotli: total.brotli + s.brotli,
        };
      },
      { raw: 0, gzip: 0, brotli: 0 },
    );
  const articleRouteJs = {
    files: routeKeys.map((k) => manifest[k].file),
    ...sum(routeKeys.map((k) => manifest[k].file)),
  };

  const formKey = Object.keys(manifest).find(
    (k) => /comment-form\.tsx$/.test(k) && manifest[k].isDynamicEntry,
  );
  const commentForm = formKey
    ? {
        files: [manifest[formKey].file],
        // What the form needs beyond what the page already has: its own chunk and any chunk only it imports.
        ...sum([manifest[formKey].file]),
      }
    : null;
  const sectionKey = Object.keys(manifest).find(
    (k) => /comments-root\.tsx$/.test(k) && manifest[k].isDynamicEntry,
  );
  const commentSection = sectionKey
    ? (() => {
        const files = staticGraph(manifest, sectionKey)
          .filter((k) => !routeKeys.includes(k))
          .map((k) => manifest[k].file);
        return { files, ...sum(files) };
      })()
    : null;
  const commentJs =
    commentForm && commentSection
      ? (() => {
          const files = [...new Set([...commentSection.files, ...commentForm.files])];
          return { files, ...sum(files) };
        })()
      : null;
  return { chunks, articleRouteJs, commentForm, commentSection, commentJs };
}
