import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/**
 * The reader's address. X-Forwarded-For is believed only as far as the configured proxies go:
 * each trusted proxy appends the address it saw, so the client is that many entries from the end.
 * Anything a client writes into the header itself sits further left, and is ignored.
 */
export function clientIp(c: Context, trustedHops: number): string | null {
  let direct: string | null = null;
  try {
    direct = getConnInfo(c).remote.address ?? null;
  } catch {
    direct = null; // In-process requests (tests) have no socket.
  }
  if (trustedHops === 0) return direct;
  const forwarded = (c.req.header('X-Forwarded-For') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return forwarded[forwarded.length - trustedHops] ?? forwarded[0] ?? direct;
}
