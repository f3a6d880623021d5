import { renderModerationPage } from '../../src/entry-server';

describe('the moderation page as the server renders it', () => {
  it('is the app’s shell checking the session, out of search engines, with no state to hydrate', async () => {
    const page = await renderModerationPage('/moderate/settings');
    expect(page.path).toBe('/moderate/settings');
    expect(page.head).toContain('<meta name="robots" content="noindex, nofollow" />');
    expect(page.head).toContain('<title>Moderation · The Daily Thread</title>');
    expect(page.body).toContain('Checking whether you are signed in…');
    // Rendered afresh in the browser (the session is an HttpOnly cookie the server-side render
    // does not use): the state names no path, so main.tsx does not hydrate it.
    expect(JSON.parse(page.state)).toMatchObject({ path: '' });
  });
});
