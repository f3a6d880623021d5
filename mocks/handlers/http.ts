import { HttpResponse } from 'msw';
import type { ApiErrorBody } from '../../src/contract/errors';

/** Mock API paths match any origin, so a configured API base still hits the mocks. */
export const apiPath = (path: string) => `*/api${path}`;

export function errorResponse(
  status: number,
  message: string,
  extra: Omit<ApiErrorBody, 'status' | 'message'> = {},
  headers: HeadersInit = {},
) {
  return HttpResponse.json<ApiErrorBody>({ status, message, ...extra }, { status, headers });
}
