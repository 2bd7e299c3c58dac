// Which frames are library code, and how a stack is cut into the user's frames and runs of library frames.
import type { TracebackFrame } from "./types";

// The report says it (in_app, decided by the server from the rules file's "frames" section): one definition for the
// classifier, the CLI and the panel. A report without the field (older servers) shows every frame as the user's.
export function isLibraryFrame(frame: TracebackFrame): boolean {
  return frame.in_app === false;
}

export type FrameRun = { library: false; frames: TracebackFrame[] } | { library: true; frames: TracebackFrame[] };

/** Consecutive frames of the same kind grouped, in order. */
export function groupFrames(frames: readonly TracebackFrame[]): FrameRun[] {
  const runs: FrameRun[] = [];
  for (const frame of frames) {
    const library = isLibraryFrame(frame);
    const last = runs[runs.length - 1];
    if (last && last.library === library) last.frames.push(frame);
    else runs.push({ library, frames: [frame] } as FrameRun);
  }
  return runs;
}

/** Library frames in a stack and in its chain. */
export function countLibraryFrames(frames: readonly TracebackFrame[]): number {
  return frames.filter(isLibraryFrame).length;
}
