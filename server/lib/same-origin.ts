import type { Context } from 'hono';
import {
  moderationRequestHeader,
  moderationRequestHeaderValue,
} from '../../src/contract/moderation';
import { moderationRefusals } from '../../src/contract/moderation-rules';
import type { Refusal } from '../../src/contract/comment-rules';

/**
 * A change a moderator's browser sent from this app's own pages, or the refusal.
 * Browsers say where a request comes from: Sec-Fetch-Site (same-origin, or none when the
 * person typed it), else Origin, which must be the app's own. A request with neither comes from
 * no browser (curl, a script), so there is no one's cookie to ride on. The custom header is
 * checked too: a cross-site page can set it only after a CORS preflight, which this app never
 * grants for it.
 */
export function checkSameOrigin(c: Context, publicUrl: string | undefined): Refusal | null {
  // The configured address (behind a proxy the request's own URL is the proxy's), or the
  // request's own origin from its Host, which a page on another site cannot choose.
  const ours = new Set([new URL(c.req.url).origin]);
  if (publicUrl) ours.add(new URL(publicUrl).origin);
  const site = c.req.header('Sec-Fetch-Site');
  const origin = c.req.header('Origin');
  if (site !== undefined) {
    if (site !== 'same-origin' && site !== 'none') return moderationRefusals.crossSite();
  } else if (origin !== undefined && !ours.has(origin)) {
    return moderationRefusals.crossSite();
  }
  if (c.req.header(moderationRequestHeader) !== moderationRequestHeaderValue) {
    return moderationRefusals.noHeader();
  }
  return null;
}
