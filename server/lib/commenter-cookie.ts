import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { newToken } from './tokens';

/**
 * The commenter token of a browser posting without JavaScript (with it, the token lives in
 * localStorage and goes in a header). HttpOnly, SameSite=Lax: scripts never read it, and other
 * sites' pages cannot post with it. It only lets this browser see its own held comments.
 */
const name = 'commenter';

export function commenterCookie(c: Context): string | null {
  const value = getCookie(c, name);
  return value && /^[\w-]{16,200}$/.test(value) ? value : null;
}

/** The browser's token, made (and set as a cookie for a year) if it has none. */
export function ensureCommenterCookie(c: Context, secure: boolean): string {
  const existing = commenterCookie(c);
  if (existing) return existing;
  const token = newToken();
  setCookie(c, name, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure,
    path: '/',
    maxAge: 365 * 24 * 60 * 60,
  });
  return token;
}
