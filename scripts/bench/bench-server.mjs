// npm run bench:server: the real server under load (autocannon 9, loopback only, bounded in
// time and connections), on PGlite and on PostgreSQL, beside a bare @hono/node-server hello-world
// measured in the same run (the ceiling for this stack on this machine). Prints one table: the
// figures issue 10 asks for, each with its target. Takes about five minutes.
//
// Options: --out FILE writes the figures as JSON too; --duration S (default 10) per scenario;
// --soak S (default 60; 0 skips it); --engines pglite,postgres (default both).
// Env: BENCH_DATABASE_URL, the PostgreSQL database to fill (it is emptied first), by default
// postgres://comments:comments@127.0.0.1:5432/bench_server; unreachable, that engine is skipped.
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';

const { values: args } = parseArgs({
  options: {
    out: { type: 'string' },
    duration: { type: 'string', default: '10' },
    soak: { type: 'string', default: '60' },
    engines: { type: 'string', default: 'pglite,postgres' },
  },
});
const root = resolve(import.meta.dirname, '../..');
const duration = Number(args.duration);
const soakSeconds = Number(args.soak);
const warmUpSeconds = 3;
const connections = 50;
const host = '127.0.0.1';
const benchUrl =
  process.env.BENCH_DATABASE_URL ?? 'postgres://comments:comments@127.0.0.1:5432/bench_server';
const slugs = { big: 'bench-10k', huge: 'bench-100k', small: 'bench-50' };
// Every browser sends its commenter token with each comments request (comment-queries.ts); this
// one has no held comment on the article, as almost every reader's.
const readerToken = 'bench-reader-token-0000000000000000';
// server-db.ts gives this one a held comment on the 100k and the 50-comment articles.
const authorToken = 'bench-author-token-0000000000000000';
const log = (...parts) => console.error('[bench:server]', ...parts);

const startedAt = new Date();
const loadBefore = os.loadavg();
const cpus = os.availableParallelism();
const rows = [];
const notes = [];
const children = new Set();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});
// Stopped from outside: still no server left behind (exit runs the cleanup above and below).
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    log(`${signal}: stopping`);
    process.exit(130);
  });
}

// 1. The build the server serves.
if (
  !existsSync(join(root, 'dist/index.html')) ||
  !existsSync(join(root, 'dist-server/entry-server.js'))
) {
  log('no build: npm run build');
  const built = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 2, 2] });
  if (built.status !== 0) throw new Error('npm run build failed');
}

// Helpers -----------------------------------------------------------------------------------

function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

/** Runs a file through tsx in one Node process (no tsx wrapper), so its pid is the server's. */
function node(file, fileArgs, env = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', file, ...fileArgs], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  child.output = () => output;
  return child;
}

async function runToEnd(file, fileArgs) {
  const child = node(file, fileArgs);
  const code = await new Promise((r) => child.once('exit', r));
  if (code !== 0) throw new Error(`${file} ${fileArgs[0]} failed:\n${child.output()}`);
  return JSON.parse(child.output().trim().split('\n').at(-1));
}

async function startServer(file, fileArgs, env) {
  const port = await freePort();
  const child = node(file, fileArgs, { ...env, PORT: String(port), HOST: host });
  const base = `http://${host}:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${file} exited:\n${child.output()}`);
    try {
      const res = await fetch(`${base}${env.READY_PATH ?? '/readyz'}`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${file} did not start:\n${child.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { child, base, pid: child.pid };
}

async function stopServer(server) {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((r) => server.child.once('exit', r));
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Resident memory of a process, in MB (VmRSS). */
function rssMb(pid) {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
  return line ? Number(line[1]) / 1024 : NaN;
}

/** CPU time a process has used, in ms (its threads' run time from schedstat). */
function cpuMs(pid) {
  try {
    return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, at 100 ticks/s
  }
}

function cannon(options) {
  return autocannon({ connections, timeout: 10, ...options });
}

/**
 * Warm-up, then the measured run: req/s (mean of the per-second counts), latency p50 and p99,
 * the server's RSS at the end, and its own CPU time per request (which the machine's other load
 * does not inflate, unlike latency).
 */
async function measure(server, name, options) {
  await cannon({ ...options, duration: warmUpSeconds });
  const cpuBefore = cpuMs(server.pid);
  const clientBefore = process.cpuUsage();
  const result = await cannon({ ...options, duration });
  const cpu = cpuMs(server.pid) - cpuBefore;
  const client = process.cpuUsage(clientBefore);
  const bad = result.non2xx + result.errors + result.timeouts;
  const figures = {
    reqPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    rssMb: rssMb(server.pid),
    cpuMsPerReq: cpu / Math.max(1, result.requests.total),
    // autocannon's own CPU (it runs in this process), on the same two cores.
    clientMsPerReq: (client.user + client.system) / 1000 / Math.max(1, result.requests.total),
    requests: result.requests.total,
    // Response size, headers included, as autocannon read it.
    kbPerResponse: result.throughput.total / Math.max(1, result.requests.total) / 1024,
    failed: bad,
  };
  if (bad)
    notes.push(
      `${name}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`,
    );
  log(name, `${Math.round(figures.reqPerSec)} req/s, p99 ${figures.p99} ms`);
  return figures;
}

function row(scenario, engine, figures, target, met) {
  rows.push({ scenario, engine, ...figures, target, met: met && !figures.failed });
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** One GET as sent (no decompression, unlike fetch): status, headers and the bytes. */
function rawGet(url, headers = {}) {
  return new Promise((resolveGet, reject) => {
    http
      .get(url, { agent, headers }, (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () =>
          resolveGet({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

/** Sequential requests, one at a time: the time one page costs, median and mean. */
async function sequential(url, count, headers) {
  for (let i = 0; i < 30; i += 1) await rawGet(url, headers);
  const times = [];
  for (let i = 0; i < count; i += 1) {
    const t = performance.now();
    const res = await rawGet(url, headers);
    if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return {
    median: times[Math.floor(times.length / 2)],
    mean: times.reduce((a, b) => a + b, 0) / times.length,
  };
}

// 2. The databases -----------------------------------------------------------------------------

/** The bench database on PostgreSQL, made if missing; null (and why) if there is none to use. */
async function postgresUrl() {
  const client = new pg.Client({ connectionString: benchUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return benchUrl;
  } catch (error) {
    if (error.code !== '3D000')
      return {
        skip: `PostgreSQL at ${redact(benchUrl)} unreachable (${error.code ?? error.message})`,
      };
  }
  // No such database: make it, from the server's maintenance database.
  const url = new URL(benchUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: url.toString(), connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
    await admin.query(`create database "${name.replaceAll('"', '""')}"`);
    return benchUrl;
  } catch (error) {
    return { skip: `could not create the bench database ${name} (${error.message})` };
  } finally {
    await admin.end().catch(() => undefined);
  }
}

function redact(url) {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

const engines = [];
const wanted = new Set(args.engines.split(','));
let dataDir;
if (wanted.has('pglite')) {
  dataDir = mkdtempSync(join(os.tmpdir(), 'bench-server-pglite-'));
  process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  engines.push({ engine: 'pglite', dbArgs: ['--data-dir', dataDir], env: { DATA_DIR: dataDir } });
}
if (wanted.has('postgres')) {
  const url = await postgresUrl();
  if (typeof url === 'string') {
    engines.push({ engine: 'postgres', dbArgs: ['--url', url], env: { DATABASE_URL: url } });
  } else {
    log(`skipping PostgreSQL: ${url.skip}`);
    notes.push(`PostgreSQL skipped: ${url.skip}`);
  }
}
for (const e of engines) {
  const t = performance.now();
  e.prepared = await runToEnd('scripts/bench/server-db.ts', ['prepare', ...e.dbArgs]);
  log(
    `${e.engine}: database ready in ${Math.round(performance.now() - t)} ms`,
    JSON.stringify(e.prepared.bigThread),
  );
  e.plans = await runToEnd('scripts/bench/server-db.ts', ['explain', ...e.dbArgs]);
}

// 3–5. The servers and the scenarios -----------------------------------------------------------

const hello = await startServer('scripts/bench/hello-server.mjs', [], { READY_PATH: '/' });
const serverEnv = { FLOOD_GUARD: 'off', LOG_LEVEL: 'silent' };
const page1 = (slug, query = '') => `/api/articles/${slug}/comments${query}`;
const reader = { 'x-commenter-token': readerToken };
const author = { 'x-commenter-token': authorToken };
const browser = { 'accept-encoding': 'gzip, deflate, br, zstd' };
let soak;
const hopByHop = new Set([
  'date',
  'connection',
  'keep-alive',
  'content-length',
  'transfer-encoding',
]);

for (const e of engines) {
  const server = await startServer('server/main.ts', ['--no-samples'], { ...serverEnv, ...e.env });
  log(`${e.engine}: server up, RSS ${rssMb(server.pid).toFixed(0)} MB`);
  const big = await fetch(`${server.base}${page1(slugs.big)}`, { headers: reader }).then((r) =>
    r.json(),
  );
  e.page1Comments = big.comments.length;

  const comments = await measure(server, `${e.engine} comments page 1`, {
    url: `${server.base}${page1(slugs.big)}`,
    headers: { ...reader, ...browser },
  });
  const goal = e.engine === 'postgres' ? 2000 : 500;
  row(
    `GET comments page 1, 10k article (${e.page1Comments} comments), brotli`,
    e.engine,
    comments,
    `≥ ${goal} req/s, p99 ≤ 50 ms`,
    comments.reqPerSec >= goal && comments.p99 <= 50,
  );

  // The same page to a client that takes no compression: all 86 KB of JSON each time.
  const plain = await measure(server, `${e.engine} comments page 1, identity`, {
    url: `${server.base}${page1(slugs.big)}`,
    headers: reader,
  });
  row(
    'GET comments page 1, 10k article, no compression',
    e.engine,
    plain,
    `≥ ${goal} req/s, p99 ≤ 50 ms`,
    plain.reqPerSec >= goal && plain.p99 <= 50,
  );

  // The ceiling next to each page run, so the two share the machine's load of the moment.
  const ceiling = await measure(hello, 'hello-world', { url: `${hello.base}/` });
  row('hello-world (ceiling), bare @hono/node-server', '—', ceiling, 'ceiling', true);
  for (const [how, headers] of [
    ['', browser],
    [', no compression', {}],
  ]) {
    const html = await measure(server, `${e.engine} article page${how}`, {
      url: `${server.base}/articles/${slugs.big}`,
      headers,
    });
    const share = html.reqPerSec / ceiling.reqPerSec;
    row(
      `GET article page HTML, cached${how} (${Math.round(share * 100)} % of hello-world)`,
      e.engine,
      html,
      '≥ 50 % of hello-world',
      share >= 0.5,
    );
    if (e !== engines[0]) continue;
    // The very response the server sent (its bytes and headers), answered by the bare app from
    // memory: what this stack and this client do with that response and nothing else.
    const sent = await rawGet(`${server.base}/articles/${slugs.big}`, headers);
    const kept = Object.fromEntries(
      Object.entries(sent.headers).filter(([name]) => !hopByHop.has(name.toLowerCase())),
    );
    const body = sent.body.toString('base64');
    await fetch(`${hello.base}/page`, {
      method: 'PUT',
      body: JSON.stringify({ body, headers: kept }),
    });
    const same = await measure(hello, `hello-world sending the page${how}`, {
      url: `${hello.base}/page`,
    });
    const bare = same.reqPerSec / ceiling.reqPerSec;
    row(
      `  the same bytes and ${Object.keys(kept).length} headers from bare Hono (${Math.round(bare * 100)} % of hello-world)`,
      '—',
      same,
      'reference',
      true,
    );
  }

  // Page 1 of 100,000 comments against page 1 of 50: the same 50 comments, one at a time, made
  // afresh each time (the reader holds a comment awaiting moderation on both articles, so the
  // page cache is not theirs), uncompressed.
  for (const order of ['oldest', 'newest']) {
    const huge = await sequential(
      `${server.base}${page1(slugs.huge, `?order=${order}`)}`,
      300,
      author,
    );
    const small = await sequential(
      `${server.base}${page1(slugs.small, `?order=${order}`)}`,
      300,
      author,
    );
    const ratio = huge.median / small.median;
    row(
      `page 1 (${order} first), 100k vs 50 comments: ${huge.median.toFixed(2)} vs ${small.median.toFixed(2)} ms`,
      e.engine,
      { reqPerSec: null, p50: huge.median, p99: null, rssMb: rssMb(server.pid), cpuMsPerReq: null },
      'about the same (≤ 1.5×)',
      ratio <= 1.5,
    );
    e[`ratio_${order}`] = ratio;
  }

  // Posting: each request its own client id and address (the flood guard is off).
  let n = 0;
  const post = await measure(server, `${e.engine} post`, {
    url: `${server.base}${page1(slugs.big)}`,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...reader },
    requests: [
      {
        setupRequest: (request) => {
          n += 1;
          return {
            ...request,
            body: JSON.stringify({
              comment: `Bench comment ${n}: the talks went on into the night.`,
              name: 'Bench Reader',
              email: `bench-${n}-${process.pid}@example.com`,
              website: '',
              parentId: null,
              clientId: randomUUID(),
            }),
          };
        },
      },
    ],
  });
  row(
    'POST comment',
    e.engine,
    post,
    e.engine === 'postgres' ? '≥ 300 req/s' : 'report',
    e.engine === 'postgres' ? post.reqPerSec >= 300 : true,
  );

  await stopServer(server);
  e.stopped = true;
}

// The soak: page 1 of the big thread for a minute after a warm-up, on a fresh server.
const soakOn = engines.find((e) => e.engine === 'pglite') ?? engines[0];
if (soakSeconds > 0 && soakOn) {
  const server = await startServer('server/main.ts', ['--no-samples'], {
    ...serverEnv,
    ...soakOn.env,
  });
  const options = { url: `${server.base}${page1(slugs.big)}`, headers: { ...reader, ...browser } };
  await cannon({ ...options, duration: 10 });
  const start = rssMb(server.pid);
  const cpuBefore = cpuMs(server.pid);
  log(`soak on ${soakOn.engine}: ${soakSeconds} s from RSS ${start.toFixed(0)} MB`);
  const result = await cannon({ ...options, duration: soakSeconds });
  const end = rssMb(server.pid);
  const growth = (end - start) / start;
  soak = { engine: soakOn.engine, seconds: soakSeconds, startMb: start, endMb: end, growth };
  row(
    `soak ${soakSeconds} s, comments page 1: RSS ${start.toFixed(0)} → ${end.toFixed(0)} MB (${(growth * 100).toFixed(1)} %)`,
    soakOn.engine,
    {
      reqPerSec: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      rssMb: end,
      cpuMsPerReq: (cpuMs(server.pid) - cpuBefore) / Math.max(1, result.requests.total),
      requests: result.requests.total,
      failed: result.non2xx + result.errors + result.timeouts,
    },
    'RSS growth < 10 %',
    growth < 0.1,
  );
  await stopServer(server);
}
await stopServer(hello);

// 6. The table -----------------------------------------------------------------------------------

const loadAfter = os.loadavg();
const fmt = (v, digits = 0) =>
  v === null || v === undefined || Number.isNaN(v) ? '—' : v.toFixed(digits);
const table = [
  [
    'scenario',
    'engine',
    'req/s',
    'p50 ms',
    'p99 ms',
    'RSS MB',
    'CPU ms/req',
    'client ms/req',
    'KB/resp',
    'target',
    'met?',
  ],
  ...rows.map((r) => [
    r.scenario,
    r.engine,
    fmt(r.reqPerSec),
    fmt(r.p50, r.p99 === null ? 2 : 0),
    fmt(r.p99),
    fmt(r.rssMb),
    fmt(r.cpuMsPerReq, 2),
    fmt(r.clientMsPerReq, 2),
    fmt(r.kbPerResponse, 1),
    r.target,
    r.target === 'ceiling' || r.target === 'reference' ? '' : r.met ? 'yes' : 'NO',
  ]),
];
const widths = table[0].map((_, i) => Math.max(...table.map((line) => String(line[i]).length)));
const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
const loads = (l) => l.map((v) => v.toFixed(2)).join(' ');
console.log(
  `\nnpm run bench:server, ${startedAt.toISOString()}: ${cpus} CPUs (nproc), Node ${process.version}, ` +
    `${connections} connections, ${warmUpSeconds} s warm-up + ${duration} s per scenario\n` +
    `load average (1, 5, 15 min) before ${loads(loadBefore)}, after ${loads(loadAfter)}\n`,
);
console.log(line(table[0]));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const cells of table.slice(1)) console.log(line(cells));
console.log(
  "\nreq/s: mean of the per-second counts; CPU ms/req: the server process's own CPU time per " +
    "request (PostgreSQL's backends not counted; PGlite runs inside the process); client " +
    "ms/req: autocannon's, on the same cores; KB/resp: as " +
    'read, headers included; "100k vs 50" rows: median of 300 requests one at a time (p50 column).',
);
for (const e of engines) {
  console.log(`\n${e.engine}: EXPLAIN ANALYZE of the list's queries (server's query builders)`);
  for (const [what, plan] of Object.entries(e.plans)) {
    console.log(`  ${what}:`);
    for (const l of plan) console.log(`    ${l.length > 140 ? `${l.slice(0, 137)}...` : l}`);
  }
}
for (const note of notes) console.log(`note: ${note}`);

if (args.out) {
  writeFileSync(
    args.out,
    JSON.stringify(
      {
        date: startedAt.toISOString(),
        node: process.version,
        cpus,
        loadBefore,
        loadAfter,
        connections,
        warmUpSeconds,
        duration,
        rows,
        soak,
        engines: engines.map(({ engine, prepared, plans, page1Comments }) => ({
          engine,
          prepared,
          plans,
          page1Comments,
        })),
        notes,
      },
      null,
      2,
    ),
  );
  log('figures written to', args.out);
}
