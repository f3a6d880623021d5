import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import {
  fieldErrorsOf,
  readJsonRequest,
  refusal,
  type Refusal,
} from '../../src/contract/comment-rules';

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

interface SafeParser<T> {
  safeParse(value: unknown):
    | { success: true; data: T }
    | {
        success: false;
        error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] };
      };
}

/** A JSON body read and checked against a contract schema, or the 4xx that says what is wrong. */
export async function readValidBody<T>(
  c: Context,
  schema: SafeParser<T>,
  message = 'Some fields need attention.',
): Promise<{ ok: true; data: T } | { ok: false; response: Response }> {
  const json = await readJsonBody(c);
  if (!json.ok) return json;
  return validated(c, schema.safeParse(json.value), message);
}

/** A query string checked against a contract schema. */
export function readValidQuery<T>(
  c: Context,
  schema: SafeParser<T>,
  message = 'The request was made with bad parameters.',
): { ok: true; data: T } | { ok: false; response: Response } {
  return validated(c, schema.safeParse(c.req.query()), message);
}

function validated<T>(
  c: Context,
  result: ReturnType<SafeParser<T>['safeParse']>,
  message: string,
): { ok: true; data: T } | { ok: false; response: Response } {
  if (result.success) return { ok: true, data: result.data };
  return {
    ok: false,
    response: refuse(c, refusal(400, message, { fieldErrors: fieldErrorsOf(result.error.issues) })),
  };
}
