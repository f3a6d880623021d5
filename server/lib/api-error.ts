import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { readJsonRequest, refusal, type Refusal } from '../../src/contract/comment-rules';

/** Answers with the contract's error shape. */
export function refuse(c: Context, { status, body, headers }: Refusal): Response {
  return c.json(body, status as ContentfulStatusCode, headers);
}

export function apiError(c: Context, status: number, message: string): Response {
  return refuse(c, refusal(status, message));
}

/** The JSON body of a request that must carry one, or the refusal that says what is wrong. */
export async function readJsonBody(
  c: Context,
): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const body = readJsonRequest(c.req.header('Content-Type'), await c.req.text());
  return body.ok ? body : { ok: false, response: refuse(c, body.refusal) };
}
