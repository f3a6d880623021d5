import { sessionLifetimes } from '../../../src/contract/moderation';
import { testPasswordCost } from '../../lib/passwords';
import { addTestModerator, moderatorAccount, moderatorBrowser } from '../../test/moderation-client';
import { testApp } from '../../test/test-app';
import { openTestDatabase, type TestDatabase } from '../../test/test-database';
import { moderatorSessions, signInFailures } from '../../db/schema';
import { disableModerator } from './moderator-store';
import { signInLimits } from './sign-in-limits';

let database: TestDatabase;
let clock: Date;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());
beforeEach(async () => {
  await database.reset();
  await addTestModerator(database.db);
  clock = new Date('2026-12-01T10:00:00Z');
});

const later = (seconds: number) => {
  clock = new Date(clock.getTime() + seconds * 1000);
};
function app(deps = {}) {
  return testApp(database.db, { now: () => clock, passwordCost: testPasswordCost, ...deps });
}

describe('signing in', () => {
  it('signs in with the right password: an HttpOnly, SameSite=Strict cookie, and who is signed in', async () => {
    const browser = moderatorBrowser(app().app);
    const response = await browser.signIn();
    expect(response.status).toBe(200);
    const cookie = response.headers.get('Set-Cookie') ?? '';
    expect(cookie).toMatch(/^moderator-session=[\w-]{20,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toMatch(/Secure/);
    const body = await response.json();
    expect(body.moderator).toEqual({
      id: expect.any(String),
      name: moderatorAccount.name,
      email: moderatorAccount.email,
      role: 'moderator',
    });
    const me = await browser.get('/api/moderation/me');
    expect(me.status).toBe(200);
    expect((await me.json()).moderator.email).toBe(moderatorAccount.email);
    expect(me.headers.get('Cache-Control')).toBe('no-store');
  });

  it('uses a __Host- cookie with Secure on an https site', async () => {
    const browser = moderatorBrowser(
      app({ publicUrl: 'https://news.example' }).app,
      'https://news.example',
    );
    const response = await browser.signIn();
    expect(response.status).toBe(200);
    const cookie = response.headers.get('Set-Cookie') ?? '';
    expect(cookie).toMatch(/^__Host-moderator-session=/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Domain/);
    expect((await browser.get('/api/moderation/me')).status).toBe(200);
  });

  it('stores the session token hashed, never as sent', async () => {
    const browser = moderatorBrowser(app().app);
    await browser.signIn();
    const token = browser.cookie?.split('=')[1] ?? '';
    const rows = await database.db.select().from(moderatorSessions);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]?.tokenHash).not.toContain(token);
  });

  it('says the same for a wrong password, an unknown address and a disabled account', async () => {
    await addTestModerator(database.db, {
      name: 'Off',
      email: 'off@example.test',
      password: 'p4ssword-off',
    });
    await disableModerator(database.db, 'off@example.test', clock);
    const { app: a } = app();
    const answers = [];
    for (const attempt of [
      { email: moderatorAccount.email, password: 'wrong' },
      { email: 'nobody@example.test', password: 'wrong' },
      { email: 'off@example.test', password: 'p4ssword-off' },
    ]) {
      const response = await moderatorBrowser(a).signIn(attempt);
      answers.push({ status: response.status, body: await response.json() });
    }
    expect(answers[0]).toEqual({
      status: 401,
      body: { status: 401, message: 'The email address or password is not right.' },
    });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });

  it('names the field when the request lacks one', async () => {
    const response = await moderatorBrowser(app().app).send('POST', '/api/moderation/session', {
      email: moderatorAccount.email,
    });
    expect(response.status).toBe(400);
    expect((await response.json()).fieldErrors).toEqual({ password: expect.any(String) });
  });

  it('matches the address in any case', async () => {
    const response = await moderatorBrowser(app().app).signIn({
      email: moderatorAccount.email.toUpperCase(),
      password: moderatorAccount.password,
    });
    expect(response.status).toBe(200);
  });
});

describe('lockout', () => {
  it('locks an account after repeated failures, with Retry-After, even for the right password, then lets it in', async () => {
    const { app: a } = app();
    const wrong = { email: moderatorAccount.email, password: 'nope' };
    for (let i = 1; i < signInLimits.account.freeFailures; i += 1) {
      expect((await moderatorBrowser(a).signIn(wrong)).status).toBe(401);
    }
    const locking = await moderatorBrowser(a).signIn(wrong);
    expect(locking.status).toBe(429);
    expect(locking.headers.get('Retry-After')).toBe(String(signInLimits.firstLockSeconds));
    const locked = await moderatorBrowser(a).signIn();
    expect(locked.status).toBe(429);
    expect(await locked.json()).toEqual({
      status: 429,
      message: `Too many failed sign-ins: try again in ${signInLimits.firstLockSeconds} seconds.`,
      retryAfterSeconds: signInLimits.firstLockSeconds,
    });
    later(signInLimits.firstLockSeconds);
    expect((await moderatorBrowser(a).signIn()).status).toBe(200);
    // A success forgets the account's failures.
    expect(await database.db.select().from(signInFailures)).toHaveLength(1);
  });

  it('doubles the lock with each further failure', async () => {
    const { app: a } = app();
    const wrong = { email: moderatorAccount.email, password: 'nope' };
    for (let i = 0; i < signInLimits.account.freeFailures; i += 1)
      await moderatorBrowser(a).signIn(wrong);
    later(signInLimits.firstLockSeconds);
    const second = await moderatorBrowser(a).signIn(wrong);
    expect(second.headers.get('Retry-After')).toBe(String(signInLimits.firstLockSeconds * 2));
  });

  it('locks an unknown address just the same: a lockout tells nothing about which accounts exist', async () => {
    const { app: a } = app();
    const wrong = { email: 'nobody@example.test', password: 'nope' };
    for (let i = 1; i < signInLimits.account.freeFailures; i += 1)
      await moderatorBrowser(a).signIn(wrong);
    expect((await moderatorBrowser(a).signIn(wrong)).status).toBe(429);
  });

  it('locks a client address trying many accounts', async () => {
    const { app: a } = app();
    for (let i = 1; i < signInLimits.ip.freeFailures; i += 1) {
      expect(
        (await moderatorBrowser(a).signIn({ email: `guess${i}@example.test`, password: 'x' }))
          .status,
      ).toBe(401);
    }
    expect(
      (await moderatorBrowser(a).signIn({ email: 'last@example.test', password: 'x' })).status,
    ).toBe(429);
    expect((await moderatorBrowser(a).signIn()).status).toBe(429);
  });

  it('counts in the database, so two server processes share the count', async () => {
    const first = app().app;
    const second = app().app;
    const wrong = { email: moderatorAccount.email, password: 'nope' };
    for (let i = 1; i < signInLimits.account.freeFailures; i += 1) {
      await moderatorBrowser(i % 2 ? first : second).signIn(wrong);
    }
    expect((await moderatorBrowser(second).signIn(wrong)).status).toBe(429);
  });
});

describe('sessions', () => {
  it('answers 401 when signed out, in the error shape', async () => {
    const response = await moderatorBrowser(app().app).get('/api/moderation/me');
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ status: 401, message: 'Sign in to moderate.' });
  });

  it('ends after the idle time without requests, and is kept alive by them', async () => {
    const browser = moderatorBrowser(app().app);
    await browser.signIn();
    const idle = sessionLifetimes.idleMinutes * 60;
    later(idle - 60);
    expect((await browser.get('/api/moderation/me')).status).toBe(200);
    later(idle - 60);
    expect((await browser.get('/api/moderation/me')).status).toBe(200);
    later(idle);
    expect((await browser.get('/api/moderation/me')).status).toBe(401);
  });

  it('ends at the absolute expiry however busy', async () => {
    const browser = moderatorBrowser(app().app);
    await browser.signIn();
    const hours = sessionLifetimes.absoluteHours;
    for (let minutes = 0; minutes < hours * 60 - 20; minutes += 20) {
      later(20 * 60);
      expect((await browser.get('/api/moderation/me')).status).toBe(200);
    }
    later(20 * 60);
    expect((await browser.get('/api/moderation/me')).status).toBe(401);
  });

  it('signs out this browser only, and clears its cookie', async () => {
    const { app: a } = app();
    const one = moderatorBrowser(a);
    const two = moderatorBrowser(a);
    await one.signIn();
    await two.signIn();
    const kept = one.cookie;
    const out = await one.send('DELETE', '/api/moderation/session');
    expect(out.status).toBe(204);
    expect(out.headers.get('Set-Cookie')).toMatch(/Max-Age=0/);
    one.cookie = kept;
    expect((await one.get('/api/moderation/me')).status).toBe(401);
    expect((await two.get('/api/moderation/me')).status).toBe(200);
  });

  it('signs out everywhere', async () => {
    const { app: a } = app();
    const one = moderatorBrowser(a);
    const two = moderatorBrowser(a);
    await one.signIn();
    await two.signIn();
    expect((await one.send('DELETE', '/api/moderation/sessions')).status).toBe(204);
    expect((await two.get('/api/moderation/me')).status).toBe(401);
  });

  it('ends the sessions of a disabled account', async () => {
    const browser = moderatorBrowser(app().app);
    await browser.signIn();
    await disableModerator(database.db, moderatorAccount.email, clock);
    expect((await browser.get('/api/moderation/me')).status).toBe(401);
  });
});

describe('cross-site changes', () => {
  it('refuses a change from another site, or one without the custom header, with 403', async () => {
    const browser = moderatorBrowser(app().app);
    await browser.signIn();
    const crossSite = await browser.send('DELETE', '/api/moderation/sessions', undefined, {
      'Sec-Fetch-Site': 'cross-site',
    });
    expect(crossSite.status).toBe(403);
    expect((await crossSite.json()).message).toMatch(/own moderation pages/);
    const otherOrigin = await browser.send('DELETE', '/api/moderation/sessions', undefined, {
      'Sec-Fetch-Site': '',
      Origin: 'https://evil.example',
    });
    expect(otherOrigin.status).toBe(403);
    const noHeader = await browser.send('DELETE', '/api/moderation/sessions', undefined, {
      'X-Moderation-Request': '',
    });
    expect(noHeader.status).toBe(403);
    expect((await noHeader.json()).message).toMatch(/X-Moderation-Request/);
    // Nothing was changed by the refused requests.
    expect((await browser.get('/api/moderation/me')).status).toBe(200);
  });

  it('refuses a cross-site sign-in too (no signing a browser into someone else’s account)', async () => {
    const response = await moderatorBrowser(app().app).send(
      'POST',
      '/api/moderation/session',
      { email: moderatorAccount.email, password: moderatorAccount.password },
      { 'Sec-Fetch-Site': 'cross-site' },
    );
    expect(response.status).toBe(403);
  });
});
