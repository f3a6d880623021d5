import type { Logger } from 'pino';
import type { Database } from './db/client';
import type { PageRenderer } from './pages/page-renderer';
import type { HeldComment } from './lib/notifications';
import type { PasswordCost } from './lib/passwords';

/** What the app is built from: real ones in main.ts, test ones in the tests. */
export interface AppDeps {
  db: Database;
  logger: Logger;
  /** The clock the comment rules read (flood interval, edit window). */
  now?: () => Date;
  floodGuard?: boolean;
  trustProxyHops?: number;
  /** Where readers reach the site; https turns on HSTS. */
  publicUrl?: string;
  corsOrigins?: readonly string[];
  /** Renders pages and serves the built app; without it the server is the API alone. */
  pages?: PageRenderer;
  /** Whether the database answers, for /readyz. */
  ready?: () => Promise<boolean>;
  /** Told of every comment the rules hold (e-mail and webhook notifications); never awaited. */
  onHeld?: (comment: HeldComment) => void;
  /** How long a process keeps the owner's rules before reading them again (default 1000 ms). */
  settingsMaxAgeMs?: number;
  /** argon2id's cost; the OWASP parameters unless set (tests use cheap ones). */
  passwordCost?: PasswordCost;
}

export type AppEnv = { Variables: { requestId: string } };
