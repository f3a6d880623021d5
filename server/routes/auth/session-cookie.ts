import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { sessionCookieNames, sessionLifetimes } from '../../../src/contract/moderation';

/**
 * On https the cookie is `__Host-` prefixed: Secure, Path=/, no Domain, so no other host or
 * path can set or read it. Browsers take a Secure cookie only from a secure origin (and the
 * prefix only with Secure), so plain-http development (http://127.0.0.1:3000) gets the same
 * cookie under the unprefixed name, without Secure.
 */
export function isSecureSite(c: Context, publicUrl: string | undefined): boolean {
  const url = publicUrl ?? c.req.url;
  return url.startsWith('https://');
}

export function readSessionCookie(c: Context): string | null {
  const value =
    getCookie(c, sessionCookieNames.secure) ?? getCookie(c, sessionCookieNames.plainHttp);
  return value && /^[\w-]{16,200}$/.test(value) ? value : null;
}

export function writeSessionCookie(c: Context, token: string, secure: boolean) {
  setCookie(c, secure ? sessionCookieNames.secure : sessionCookieNames.plainHttp, token, {
    httpOnly: true,
    secure,
    sameSite: 'Strict',
    path: '/',
    maxAge: sessionLifetimes.absoluteHours * 60 * 60,
  });
}

export function clearSessionCookie(c: Context, secure: boolean) {
  deleteCookie(c, secure ? sessionCookieNames.secure : sessionCookieNames.plainHttp, {
    path: '/',
    secure,
    httpOnly: true,
    sameSite: 'Strict',
  });
}
