// Brotli and gzip copies of the built app's text assets, made once at build time, so the server
// sends them without compressing per request (server/pages/static-files.ts serves them).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = process.argv[2] ?? 'dist';
const compressible = /\.(js|mjs|css|svg|json|map|txt|xml|webmanifest|vtt)$/;

function listFiles(path) {
  return readdirSync(path).flatMap((name) => {
    const full = join(path, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}

let count = 0;
for (const file of listFiles(dir)) {
  if (!compressible.test(file)) continue;
  const body = readFileSync(file);
  if (body.length < 1024) continue;
  const br = brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
  const gz = gzipSync(body, { level: 9 });
  // A copy that saves too little is not worth a second file.
  if (br.length < body.length * 0.9) writeFileSync(`${file}.br`, br);
  if (gz.length < body.length * 0.9) writeFileSync(`${file}.gz`, gz);
  count += 1;
}
console.log(`compressed ${count} files in ${dir}`);
