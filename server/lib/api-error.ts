import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { refusal, type Refusal } from '../../src/contract/comment-rules';

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
  const type = c.req.header('Content-Type') ?? '';
  if (!/^application\/(.+\+)?json\s*(;|$)/i.test(type)) {
    return {
      ok: false,
      response: apiError(
        c,
        415,
        'Send the request body as JSON, with Content-Type: application/json.',
      ),
    };
  }
  const text = await c.req.text();
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, response: apiError(c, 400, 'The request body is not valid JSON.') };
  }
}
