/**
 * One process at a time on an embedded database. PGlite keeps no lock of its own, and two
 * processes on one data directory (a second server, or db:export while the server runs) each
 * see their own view and, when they close, leave a directory that no longer opens: found by
 * trying. The lock is a file in the directory naming the process that holds it; a process that
 * died (kill -9, a crash) leaves it behind, and the next one sees that the process is gone.
 */
import { linkSync, mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const lockFileName = 'daily-thread.lock';

export class DataDirInUseError extends Error {
  override name = 'DataDirInUseError';
}

interface Owner {
  pid: number;
  since: string;
}

function readOwner(path: string): Owner | null {
  try {
    const owner = JSON.parse(readFileSync(path, 'utf8')) as Partial<Owner>;
    return typeof owner.pid === 'number' ? { pid: owner.pid, since: String(owner.since) } : null;
  } catch {
    return null;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the data directory's lock, or throws a DataDirInUseError; returns its release. */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, lockFileName);
  // Written whole under another name, then linked into place: a reader never sees half a file,
  // and link() fails if the lock exists, in one step with no window between check and take.
  const draft = `${path}.${process.pid}`;
  writeFileSync(draft, JSON.stringify({ pid: process.pid, since: new Date().toISOString() }));
  try {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      try {
        linkSync(draft, path);
        return () => {
          if (readOwner(path)?.pid === process.pid) rmSync(path, { force: true });
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const owner = readOwner(path);
      // The same pid as ours is a lock from an earlier life of this container's PID 1.
      if (owner && owner.pid !== process.pid && isRunning(owner.pid)) {
        throw new DataDirInUseError(
          `The embedded database in ${dir} is in use by process ${owner.pid} (since ${owner.since}): ` +
            'stop that server first, since two processes on one data directory corrupt it. ' +
            `If no such process is this site's, delete ${path}.`,
        );
      }
      rmSync(path, { force: true });
    }
    throw new DataDirInUseError(
      `Could not take the lock on ${dir}: another process keeps taking it.`,
    );
  } finally {
    unlinkSync(draft);
  }
}
