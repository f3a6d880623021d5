import { createHash } from 'node:crypto';

/** What src/entry-server.tsx renders for one address. */
export interface RenderedPage {
  /** The address it answers, like /articles/some-slug. */
  path: string;
  /** The app's markup, for inside #root. */
  body: string;
  /** Title, description, canonical, Open Graph, Twitter and JSON-LD tags. */
  head: string;
  /** The data to hydrate from, as JSON for <script type="application/json">. */
  state: string;
  /** A preload of the page's largest picture, for the top of <head> (may be empty). */
  preload: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64');

/**
 * The page shows without JavaScript, so the app's code must not take bandwidth from what the
 * reader sees first (the text, the lead picture): instead of the module script (and its
 * preloads), which the browser would fetch at once, an inline script starts it, and preloads the
 * chunks it goes on to import, once the page has loaded and painted. The reader can read
 * meanwhile; the controls work once it has hydrated.
 */
function deferredEntry(template: string): { tags: string[]; starter: string } {
  const entry = template.match(
    /<script type="module" crossorigin src="(\/assets\/[^"]+\.js)"><\/script>/,
  );
  if (!entry?.[1]) throw new Error('No module entry script in index.html');
  const preloads = template.match(/<link rel="modulepreload"[^>]*>/g) ?? [];
  const preloaded = preloads.flatMap((tag) => /href="([^"]+)"/.exec(tag)?.[1] ?? []);
  // After the load event, once the pictures it waited for are decoded, and the frame after that
  // (a load can come before they are painted: on a slow phone a big picture decodes for frames
  // after it has arrived, and the app's 70 KB, fetched meanwhile, then delayed the largest paint,
  // 1.4 s instead of 0.75 in half of Lighthouse's runs on the real server); at once in a
  // background tab, which paints no frames; and after 3 s whatever happens, so a picture that
  // never finishes loading cannot keep the page from working.
  const starter =
    '(function(){var started=false;function go(){if(started)return;started=true;' +
    `${JSON.stringify(preloaded)}.forEach(function(h){var l=document.createElement('link');` +
    "l.rel='modulepreload';l.crossOrigin='';l.href=h;document.head.appendChild(l)});" +
    "var s=document.createElement('script');" +
    `s.type='module';s.crossOrigin='';s.src=${JSON.stringify(entry[1])};` +
    'document.head.appendChild(s)}' +
    'function painted(){requestAnimationFrame(function(){setTimeout(go)})}' +
    "addEventListener('load',function(){if(document.hidden)return go();" +
    'var shown=[].filter.call(document.images,function(i){return i.complete&&i.naturalWidth>0});' +
    'Promise.all(shown.map(function(i){return i.decode().catch(function(){})})).then(painted)' +
    '},{once:true});' +
    'setTimeout(go,3000)})()';
  return { tags: [entry[0], ...preloads], starter };
}

const cspMeta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"\s*\/?>\s*/;

/** Replaces the first match, with the replacement taken literally (no `$&` or `$'` patterns). */
function replaceOnce(text: string, pattern: string | RegExp, replacement: string): string {
  return text.replace(pattern, () => replacement);
}

export interface PageTemplate {
  /** The whole page for one rendered address. */
  fill(page: RenderedPage): string;
  /** The Content-Security-Policy, with the hashes of the page's inline script and style. */
  csp: string;
}

/**
 * Turns the built index.html into a page template: the stylesheet inlined (one request fewer
 * before first paint), the entry started after load, and a CSP that allows exactly those inline
 * pieces by their sha256 (never 'unsafe-inline'). `cssFor` reads a built stylesheet by its path.
 *
 * `cspIn: 'meta'` keeps the policy in the page (a static host, the demo build); `'header'` takes
 * it out, for a server that sends it as a header with what a meta tag cannot say (frame-ancestors).
 */
export function createPageTemplate(
  indexHtml: string,
  cssFor: (href: string) => string,
  cspIn: 'meta' | 'header',
  mediaOrigins: readonly string[] = [],
): PageTemplate {
  const link = indexHtml.match(/<link rel="stylesheet"[^>]*href="(\/assets\/[^"]+\.css)"[^>]*>/);
  const css = link?.[1] ? cssFor(link[1]).trim() : null;
  if (css !== null && /<\/style/i.test(css)) throw new Error('The stylesheet cannot be inlined');
  const entry = deferredEntry(indexHtml);

  const policyMatch = indexHtml.match(cspMeta);
  if (!policyMatch?.[1]) throw new Error('No Content-Security-Policy meta in index.html');
  let policy = policyMatch[1].replace(/&#39;/g, "'");
  const allow = (directive: 'script-src' | 'style-src', hash: string) => {
    const next = policy.replace(`${directive} 'self'`, (match) => `${match} 'sha256-${hash}'`);
    if (next === policy) throw new Error(`No ${directive} in the CSP to add the hash to`);
    policy = next;
  };
  allow('script-src', sha256(entry.starter));
  if (css !== null) allow('style-src', sha256(css));
  for (const directive of ['img-src', 'media-src'] as const) {
    if (mediaOrigins.length === 0) break;
    const next = policy.replace(
      new RegExp(`${directive} [^;]*`),
      (match) => `${match} ${mediaOrigins.join(' ')}`,
    );
    if (next === policy) throw new Error(`No ${directive} in the CSP to add the media origins to`);
    policy = next;
  }
  if (cspIn === 'header') policy += "; frame-ancestors 'none'";

  let html = replaceOnce(
    indexHtml,
    cspMeta,
    cspIn === 'meta'
      ? `<meta http-equiv="Content-Security-Policy" content="${policy.replace(/'/g, '&#39;')}" />\n    `
      : '',
  );
  html = html
    .replace(/<title>[\s\S]*?<\/title>\s*/, '')
    .replace(/<meta\s+name="description"[\s\S]*?\/>\s*/, '')
    // The story and its comments are readable without JavaScript; only posting needs it. (Said
    // outside the app: React does not hydrate <noscript> content reliably.)
    .replace(
      /<noscript>[\s\S]*?<\/noscript>/,
      '<noscript><p>Posting a comment needs JavaScript.</p></noscript>',
    );
  // The link stays, disabled (never fetched): Vite's loader for lazy chunks adds a chunk's
  // stylesheets unless a link to them is in the page, and the comment code's chunks list this
  // one. Added again, it restyled the whole page in one long task as the comments started.
  if (link?.[1] && css !== null)
    html = replaceOnce(
      html,
      link[0],
      `<style>${css}</style><link rel="stylesheet" href="${link[1]}" disabled />`,
    );
  const [entryTag, ...preloads] = entry.tags;
  for (const tag of preloads) html = replaceOnce(html, tag, '');
  html = replaceOnce(html, entryTag ?? '', `<script>${entry.starter}</script>`);

  // Split once around the places a page fills, so filling is concatenation: whatever a page's
  // text holds (`$&`, `$'`, `</head>`) goes in as it is.
  const [beforeViewport, afterViewport] = splitAfter(html, /<meta name="viewport"[^>]*>/);
  const [beforeHeadEnd, afterHeadEnd] = splitBefore(afterViewport, '</head>');
  const [beforeRoot, afterRoot] = splitAround(afterHeadEnd, '<div id="root"></div>');
  return {
    csp: policy,
    fill: (page) =>
      `${beforeViewport}\n    ${page.preload}${beforeHeadEnd}  ${page.head}\n  ${'</head>'}${beforeRoot}` +
      `<div id="root">${page.body}</div>\n    <script type="application/json" id="app-state">${page.state}</script>` +
      afterRoot,
  };
}

function splitAfter(text: string, pattern: RegExp): [string, string] {
  const match = pattern.exec(text);
  if (!match) throw new Error(`index.html lacks ${String(pattern)}`);
  const end = match.index + match[0].length;
  return [text.slice(0, end), text.slice(end)];
}

function splitBefore(text: string, marker: string): [string, string] {
  const index = text.indexOf(marker);
  if (index < 0) throw new Error(`index.html lacks ${marker}`);
  return [text.slice(0, index), text.slice(index + marker.length)];
}

function splitAround(text: string, marker: string): [string, string] {
  return splitBefore(text, marker);
}
