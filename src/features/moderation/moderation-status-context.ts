import { createContext, use } from 'react';

export interface ModerationStatus {
  /** Says what happened, in a live region; with `undo`, offers an Undo button for a few seconds. */
  announce: (message: string, undo?: () => void) => void;
  /** Runs the offered undo, if any (the U shortcut). */
  undoLast: () => boolean;
}

export const StatusContext = createContext<ModerationStatus | null>(null);

export function useModerationStatus(): ModerationStatus {
  const status = use(StatusContext);
  if (!status) throw new Error('useModerationStatus: no <ModerationStatusProvider> above');
  return status;
}
