import type { Hono } from 'hono';
import { moderationRequestHeader } from '../../src/contract/moderation';
import type { Database } from '../db/client';
import { testPasswordCost } from '../lib/passwords';
import { addModerator } from '../routes/auth/moderator-store';

export const moderatorAccount = {
  name: 'Mo Derator',
  email: 'mo@example.test',
  password: 'correct horse battery staple',
};

export const editorAccount = {
  name: 'Ed Itor',
  email: 'ed@example.test',
  password: 'an editor’s long passphrase',
  role: 'editor',
} as const;

/** A moderator (or, with role, an editor) in the database, hashed cheaply (tests only). */
export function addTestModerator(
  db: Database,
  account: {
    name: string;
    email: string;
    password: string;
    role?: 'moderator' | 'editor';
  } = moderatorAccount,
) {
  return addModerator(db, account, testPasswordCost);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any Hono app's env
type AnyApp = Hono<any>;

/** A JSON body as tests read it: whatever shape, asserted on with expect. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests assert the shape
export type LooseJson = Record<string, any>;
export type LooseResponse = Omit<Response, 'json'> & { json(): Promise<LooseJson> };

/** A response whose JSON tests can read field by field (expect checks the shape). */
export const loose = (response: Response) => response as unknown as LooseResponse;

/**
 * A moderator's browser against the in-process app: keeps the session cookie, and sends every
 * change as the moderation pages do (same origin, with the custom header).
 */
export function moderatorBrowser(app: AnyApp, origin = 'http://localhost') {
  let cookie: string | null = null;
  async function request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const response = await app.request(`${origin}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...(method !== 'GET'
          ? { [moderationRequestHeader]: '1', 'Sec-Fetch-Site': 'same-origin' }
          : {}),
        ...(cookie ? { Cookie: cookie } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const set: string | null = response.headers.get('Set-Cookie');
    if (set) {
      const [pair = ''] = set.split(';');
      cookie = /=$/.test(pair) || /Max-Age=0/i.test(set) ? null : pair;
    }
    return loose(response);
  }
  return {
    request,
    get: (path: string) => request('GET', path),
    send: (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
      request(method, path, body, headers),
    async signIn(account: { email: string; password: string } = moderatorAccount) {
      return request('POST', '/api/moderation/session', {
        email: account.email,
        password: account.password,
      });
    },
    get cookie() {
      return cookie;
    },
    set cookie(value: string | null) {
      cookie = value;
    },
  };
}
