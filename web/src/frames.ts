// Which frames are library code, and how a stack is cut into the user's frames and runs of library frames.
import type { TracebackFrame } from "./types";

// Installed packages and the standard library (as ErrorTrace.Core.Rendering.LibraryFrames); a user's code is elsewhere.
const markers = ["/site-packages/", "/dist-packages/", "\\site-packages\\", "\\dist-packages\\", "<frozen "];
const stdlib = /(^|\/)lib(64)?\/python3(\.\d+)?\/(?!site-packages|dist-packages)/;

export function isLibraryFrame(file: string): boolean {
  return markers.some((m) => file.includes(m)) || stdlib.test(file);
}

export type FrameRun = { library: false; frames: TracebackFrame[] } | { library: true; frames: TracebackFrame[] };

/** Consecutive frames of the same kind grouped, in order. */
export function groupFrames(frames: readonly TracebackFrame[]): FrameRun[] {
  const runs: FrameRun[] = [];
  for (const frame of frames) {
    const library = isLibraryFrame(frame.file);
    const last = runs[runs.length - 1];
    if (last && last.library === library) last.frames.push(frame);
    else runs.push({ library, frames: [frame] } as FrameRun);
  }
  return runs;
}

/** Library frames in a stack and in its chain. */
export function countLibraryFrames(frames: readonly TracebackFrame[]): number {
  return frames.filter((f) => isLibraryFrame(f.file)).length;
}
