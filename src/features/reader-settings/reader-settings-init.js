/*
 * Applies the reader's stored theme and text size to <html> before the first paint, so the page
 * never flashes the wrong colours or reflows to a new size once the app starts. vite.config.ts
 * inlines it (without this comment) into <head> as a classic script, which blocks parsing there,
 * which is the point; the Content-Security-Policy allows it by its hash. Plain ES5 and wrapped in
 * try: an old browser or a locked-down storage must still get the default page, never an error.
 * Keep in step with src/features/reader-settings/reader-settings.ts
 * (tests/unit/reader-settings-init.test.ts fails when they disagree).
 */
(function () {
  var root = document.documentElement;
  function read(key) {
    try {
      var raw = window.localStorage.getItem(key);
      return raw === null ? null : JSON.parse(raw);
    } catch (error) {
      return null;
    }
  }
  var theme = read('reader:theme');
  if (['system', 'light', 'dark', 'sepia'].indexOf(theme) < 0) theme = 'system';
  var textSize = read('reader:text-size');
  if ([87.5, 100, 112.5, 125, 137.5, 150].indexOf(textSize) < 0) textSize = 100;

  root.setAttribute('data-theme', theme);
  root.setAttribute('data-text-size', String(textSize));
  var meta = document.querySelector('meta[name="color-scheme"]');
  if (meta) {
    meta.setAttribute(
      'content',
      theme === 'system' ? 'light dark' : theme === 'dark' ? 'dark' : 'light',
    );
  }
})();
