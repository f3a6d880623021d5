import { existsSync, linkSync, unlinkSync, writeFileSync } from 'node:fs';
import { CliError } from './cli-database';

// An export is written under another name, then linked into place: never half a file, and
// never over one that was there (a link fails where a rename would replace).

const exists = (path: string) =>
  new CliError(`${path} exists already: choose another name, or move it away first.`);

/** Refuses a taken name before the work, so a large export is not made to be thrown away. */
export function claimNewFile(path: string): void {
  if (existsSync(path)) throw exists(path);
}

/** Where the file is written until it is complete. */
export const draftOf = (path: string) => `${path}.${process.pid}.partial`;

/** Moves a complete draft to its name, unless something took that name meanwhile. */
export function publishDraft(draft: string, path: string): void {
  try {
    linkSync(draft, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw exists(path);
    throw error;
  } finally {
    unlinkSync(draft);
  }
}

export function writeNewFile(path: string, text: string): void {
  const draft = draftOf(path);
  writeFileSync(draft, text, { mode: 0o600, flag: 'wx' });
  publishDraft(draft, path);
}
