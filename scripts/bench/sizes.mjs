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
 * A chunk and every chunk it imports statically, transitively. Dynamic imports (comments, the
 * form, the mock worker) are not in it.
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
  // The entry imports React's DOM renderer once it has run (src/main.tsx): part of the route.
  const rendererKey = Object.keys(manifest).find((k) =>
    /node_modules\/react-dom\/client\.js$/.test(k),
  );
  const routeKeys = [
    ...new Set([
      ...staticGraph(manifest, entryKey),
      ...(rendererKey ? staticGraph(manifest, rendererKey) : []),
    ]),
  ].filter((k) => !isMockChunk(manifest[k]));
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

  const sectionKey = Object.keys(manifest).find(
    (k) => /comments-root\.tsx$/.test(k) && manifest[k].isDynamicEntry,
  );
  const sectionKeys = sectionKey
    ? staticGraph(manifest, sectionKey).filter((k) => !routeKeys.includes(k))
    : [];
  const commentSection = sectionKey
    ? (() => {
        const files = sectionKeys.map((k) => manifest[k].file);
        return { files, ...sum(files) };
      })()
    : null;
  const formKey = Object.keys(manifest).find(
    (k) => /comment-form\.tsx$/.test(k) && manifest[k].isDynamicEntry,
  );
  const commentForm = formKey
    ? (() => {
        // What the form needs beyond what the page already has (the route, and the section that
        // loads it): its own chunk and any chunk it shares only with code loaded later (the
        // moderation screens share react-hook-form with it, for one).
        const files = staticGraph(manifest, formKey)
          .filter((k) => !routeKeys.includes(k) && !sectionKeys.includes(k))
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
  const moderationKey = Object.keys(manifest).find(
    (k) => /moderation-root\.tsx$/.test(k) && manifest[k].isDynamicEntry,
  );
  const moderation = moderationKey
    ? (() => {
        const files = staticGraph(manifest, moderationKey)
          .filter((k) => !routeKeys.includes(k))
          .map((k) => manifest[k].file);
        return { files, ...sum(files) };
      })()
    : null;
  // What a reader's article page may load: the route up front, the comment section and form
  // later. None of it may hold moderation code (see moderationModulesIn).
  const readerFiles = [
    ...new Set([
      ...articleRouteJs.files,
      ...(commentSection?.files ?? []),
      ...(commentForm?.files ?? []),
    ]),
  ];
  const moderationInReaderChunks = moderationModulesIn(outDir, readerFiles);
  return {
    chunks,
    articleRouteJs,
    commentForm,
    commentSection,
    commentJs,
    moderation,
    readerFiles,
    moderationInReaderChunks,
  };
}

/** Source modules that are moderation code: the screens' feature folder and its contract. */
export const moderationModulePattern =
  /(^|\/)src\/(features\/moderation\/|contract\/moderation\.ts$)/;

/**
 * The moderation modules bundled into `files`, as "chunk: module" lines, read from each chunk's
 * source map (the build writes them): a module can be merged into any chunk, so the manifest's
 * chunk names alone cannot tell.
 */
export function moderationModulesIn(outDir, files) {
  const found = [];
  for (const file of files.filter((f) => f.endsWith('.js'))) {
    let map;
    try {
      map = JSON.parse(readFileSync(join(outDir, `${file}.map`), 'utf8'));
    } catch {
      // The bundler's own helpers (its runtime, Vite's preload helper) come from no source module.
      if (/(^|\/)(rolldown-runtime|preload-helper)-[\w-]+\.js$/.test(file)) continue;
      found.push(`${file}: no source map to check`);
      continue;
    }
    for (const source of map.sources ?? []) {
      if (moderationModulePattern.test(source.replaceAll('\\', '/')))
        found.push(`${file}: ${source}`);
    }
  }
  return found;
}
