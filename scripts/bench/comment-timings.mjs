// What the comment section costs a reader in a browser, measured by npm run bench on any page
// that has comments: how soon the first comment is visible, with JavaScript on and off, and the
// long tasks while the section starts on a slowed CPU.

/** A phone's viewport (Lighthouse's mobile one). */
export const phoneViewport = { width: 412, height: 823 };

/**
 * Milliseconds from the navigation's start until the first comment is visible (laid out, not
 * hidden), by the page's own clock. With JavaScript off that is the HTML alone.
 */
export async function firstCommentVisible(browser, url, { javaScriptEnabled }) {
  const context = await browser.newContext({ viewport: phoneViewport, javaScriptEnabled });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    await page.locator('li.comment').first().waitFor({ state: 'visible', timeout: 30_000 });
    return await page.evaluate(() => performance.now());
  } finally {
    await context.close();
  }
}

const quiet = (page) =>
  page.evaluate(
    () =>
      new Promise((resolveQuiet) =>
        requestIdleCallback(() => requestIdleCallback(resolveQuiet, { timeout: 3000 }), {
          timeout: 3000,
        }),
      ),
  );

const loaded = (page, pattern) =>
  page.waitForFunction(
    (source) =>
      performance.getEntriesByType('resource').some((r) => new RegExp(source).test(r.name)),
    pattern.source,
    { timeout: 60_000 },
  );

/**
 * The long tasks (over 50 ms) on the main thread while the comment section starts, on a CPU
 * slowed 4× by Chromium: from the moment the article has settled, through the reader scrolling
 * to the comments (their code loads and hydrates) and on to the form (its code loads), until
 * the page is idle again. The article's own start is not counted.
 */
export async function sectionStartLongTasks(browser, url, { scrollToComments, cpuSlowdown = 4 }) {
  const context = await browser.newContext({ viewport: phoneViewport });
  try {
    await context.addInitScript(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries())
          window.__longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
      // Which scripts made the long frames, to say what a long task was.
      window.__longFrames = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          if (e.duration <= 50) continue;
          window.__longFrames.push({
            start: e.startTime,
            duration: e.duration,
            scripts: e.scripts.map((x) => ({
              what: `${x.invoker} ${(x.sourceURL ?? '').split('/').pop()}`.trim(),
              duration: x.duration,
            })),
          });
        }
      }).observe({ type: 'long-animation-frame', buffered: true });
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
    await page.goto(url, { waitUntil: 'load' });
    // The article's own code loads after its pictures (or 3 s): its start is not the section's.
    await loaded(page, /\/index-[^/]*\.js$/);
    // Playwright's first locator injects its own script into the page (one long task on a slowed
    // CPU, on the page's main thread): before the measured part, so that it is not counted as the
    // section's. Until this was done, it was counted.
    await page.locator('body').waitFor();
    await quiet(page);
    await quiet(page);
    const from = await page.evaluate(() => performance.now());
    await scrollToComments(page);
    await loaded(page, /\/comments-root-[^/]*\.js$/);
    await page.locator('li.comment').first().waitFor({ state: 'visible', timeout: 30_000 });
    await quiet(page);
    await page.evaluate(() =>
      document.querySelector('.comment-respond')?.scrollIntoView({ block: 'center' }),
    );
    await loaded(page, /\/comment-form-[^/]*\.js$/);
    await quiet(page);
    await quiet(page);
    const tasks = await page.evaluate(
      (t0) => window.__longTasks.filter((t) => t.start >= t0),
      from,
    );
    const frames = await page.evaluate(
      (t0) => window.__longFrames.filter((f) => f.start >= t0),
      from,
    );
    return {
      frames,
      longest: Math.max(0, ...tasks.map((t) => t.duration)),
      over50: tasks.filter((t) => t.duration > 50).length,
      tasks,
    };
  } finally {
    await context.close();
  }
}
