import { z } from './zod-mini';

/** The one error shape every API endpoint returns (and the mock server produces). */
export const apiErrorBodySchema = z.object({
  status: z.int(),
  message: z.string(),
  fieldErrors: z.optional(z.record(z.string(), z.string())),
  retryAfterSeconds: z.optional(z.number().check(z.nonnegative())),
});
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;
