import type { MiddlewareHandler } from 'hono';

/** For everything that is not a page: nothing may load, and no one may frame it. */
export const apiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

/** Headers on every response; a page sets its own, fuller Content-Security-Policy. */
export function securityHeaders(publicUrl: string | undefined): MiddlewareHandler {
  const https = publicUrl?.startsWith('https://') ?? false;
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    if (!h.has('Content-Security-Policy'))
      h.set('Content-Security-Policy', apiContentSecurityPolicy);
    h.set('X-Content-Type-Options', 'nosniff');
    h.set('Referrer-Policy', 'strict-origin-when-cross-origin');
    h.set(
      'Permissions-Policy',
      'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
    );
    // Readers' pages set their own (see the page renderer).
    if (!h.has('Cross-Origin-Opener-Policy')) h.set('Cross-Origin-Opener-Policy', 'same-origin');
    h.set('X-Frame-Options', 'DENY');
    // Only where the site is served over https: HSTS on plain http would lock readers out.
    if (https) h.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  };
}
