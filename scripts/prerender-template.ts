/** Filling the built index.html with one prerendered page (see prerender.ts). */

/** What src/entry-server.tsx renders for one address (repeated: this file is not in the app). */
export interface PrerenderedPage {
  path: string;
  body: string;
  head: string;
  state: string;
  preload: string;
}

/** The page skeleton after the client build; filled in per page. */
export function fillTemplate(
  template: string,
  page: PrerenderedPage,
  inlineCss: { link: string; css: string } | null,
  entry: { tags: string[]; starter: string },
): string {
  // Function replacers only: in a replacement string, `$&`, `$'` and the like in an article's
  // text would splice pieces of the template into the page.
  let html = template
    .replace(/<title>[\s\S]*?<\/title>\s*/, () => '')
    .replace(/<meta\s+name="description"[\s\S]*?\/>\s*/, () => '')
    .replace('</head>', () => `  ${page.head}\n  </head>`)
    .replace(/(<meta name="viewport"[^>]*>)/, (viewport) => `${viewport}\n    ${page.preload}`)
    .replace(
      '<div id="root"></div>',
      () =>
        `<div id="root">${page.body}</div>\n    <script type="application/json" id="app-state">${page.state}</script>`,
    )
    // The story is readable without JavaScript now; only the comments need it. (Said outside
    // the app: React does not hydrate <noscript> content reliably.)
    .replace(
      /<noscript>[\s\S]*?<\/noscript>/,
      () => '<noscript><p>The comments need JavaScript.</p></noscript>',
    );
  if (inlineCss) html = html.replace(inlineCss.link, () => `<style>${inlineCss.css}</style>`);
  const [entryTag, ...preloads] = entry.tags;
  for (const tag of preloads) html = html.replace(tag, () => '');
  return html.replace(entryTag ?? '', () => `<script>${entry.starter}</script>`);
}
