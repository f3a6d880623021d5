// Takes phone- and desktop-sized screenshots of pages, for looking at what readers see.
// Usage: node scripts/screenshots.mjs <base-url> <out-dir> [path ...]
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromePath, chromiumArgs } from './chromium.mjs';

const [base = 'http://localhost:5173', outDir = '.screenshots', ...paths] = process.argv.slice(2);
const viewports = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1366, height: 900 },
};
mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({ executablePath: chromePath, args: [...chromiumArgs] });
for (const [name, viewport] of Object.entries(viewports)) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && console.log(`[console] ${m.text()}`));
  for (const path of paths.length ? paths : ['/']) {
    await page.goto(new URL(path, base).toString());
    await page.waitForLoadState('networkidle');
    // Comments load as a reader nears them: go to the end like one, then back to the top.
    // The key's scroll is animated: wait for it to reach the end before going back up, or the
    // animation carries on past the jump to the top and the shot is taken mid-page.
    await page.keyboard.press('End');
    await page.waitForFunction(
      () => window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2,
    );
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
    await page.waitForFunction(() => window.scrollY === 0);
    const file = `${outDir}/${name}${path.replace(/[^a-z0-9]+/gi, '-')}.png`;
    await page.screenshot({ path: file, fullPage: process.env.FULL !== '0' });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    console.log(file, overflow > 0 ? `HORIZONTAL OVERFLOW ${overflow}px` : 'no horizontal scroll');
  }
  await context.close();
}
await browser.close();
