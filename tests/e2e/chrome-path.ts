export const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
