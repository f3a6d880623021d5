import { z } from 'zod';

const flag = z
  .enum(['on', 'off', 'true', 'false', '1', '0'])
  .transform((value) => value === 'on' || value === 'true' || value === '1');

const origin = z.url({ protocol: /^https?$/ }).transform((value) => new URL(value).origin);

/** Every setting the server reads, parsed once at start: a bad one fails loudly, by name. */
export const envSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    /** 127.0.0.1 keeps the server on this machine (behind a proxy); 0.0.0.0 listens everywhere. */
    HOST: z.string().min(1).default('127.0.0.1'),
    /** postgres://user:password@host:5432/db for PostgreSQL 15+; unset, the embedded engine. */
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    /** The embedded engine's data directory. */
    DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    /** Where readers reach the site: canonical links, Open Graph and JSON-LD use it. */
    PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
    /** Put the sample articles into a new, empty database. */
    SAMPLES: flag.default(true),
    /** How many proxies in front of the server append to X-Forwarded-For (0: trust none). */
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    /** Other origins allowed to call the API (comma-separated), for an app served elsewhere. */
    CORS_ORIGINS: z
      .string()
      .default('')
      .transform((value) =>
        value
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      )
      .pipe(z.array(origin)),
    /**
     * Where article images and video may also come from (comma-separated origins, e.g. a CDN):
     * added to the pages' CSP img-src and media-src. Imported articles often point elsewhere.
     */
    MEDIA_ORIGINS: z
      .string()
      .default('')
      .transform((value) =>
        value
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      )
      .pipe(z.array(origin)),
    /**
     * How long SIGTERM waits for requests in flight before it cuts the connections still open
     * (a client that stopped sending, a stalled download): under Docker's 10 s before SIGKILL.
     */
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(8_000),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    /** Off only for the bench profile: measures posting, not WordPress's 15-second guard. */
    FLOOD_GUARD: flag.default(true),
    /** smtp://user:pass@host:587 or smtps://…: email moderators when a comment is held. */
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
      .optional(),
    /** The sender of those emails. */
    MAIL_FROM: z.string().min(3).default('The Daily Thread <moderation@localhost>'),
    /** An http(s) address to POST a JSON notice to when a comment is held. */
    WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
    /** Signs each webhook (HMAC-SHA256 of the body, in X-Daily-Thread-Signature). */
    WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
    /** The built app (npm run build). */
    DIST_DIR: z.string().min(1).default('./dist'),
    /** The build's server-rendering module (npm run build puts it in dist-server/). */
    DIST_SERVER_DIR: z.string().min(1).default('./dist-server'),
  })
  .refine((env) => !env.WEBHOOK_URL || env.WEBHOOK_SECRET, {
    path: ['WEBHOOK_SECRET'],
    message: 'must be set when WEBHOOK_URL is, so the receiver can tell the notices are genuine',
  });
export type Env = z.infer<typeof envSchema>;

export function parseEnv(
  source: Record<string, string | undefined>,
  argv: readonly string[] = [],
): Env {
  // An empty variable means "not set", as in a .env file with KEY=.
  const values: Record<string, string> = Object.fromEntries(
    Object.entries(source).filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
  if (argv.includes('--no-samples')) values.SAMPLES = 'off';
  const result = envSchema.safeParse(values);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Bad server settings:\n${lines.join('\n')}`);
  }
  return result.data;
}
