// The system Chromium every script and browser test drives, and the flags it needs here: no
// sandbox as root, no GPU, and none of the background traffic a closed network would refuse.
export const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
