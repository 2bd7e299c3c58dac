// Which frames are library code, and how a stack is cut into the user's frames and runs of library frames.
import type { TracebackFrame, TracebackInfo } from "./types";

// The report says it (in_app, decided by the server from the rules file's "frames" section): one definition for the
// classifier, the CLI and the panel. A report without the field (older servers) shows every frame as the user's.
export function isLibraryFrame(frame: TracebackFrame): boolean {
  return frame.in_app === false;
}

export function isUserFrame(frame: TracebackFrame): boolean {
  return !isLibraryFrame(frame);
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

/** Every frame printed: the chain's, the exception's own, the sub-exceptions'. */
export function allFrames(tb: TracebackInfo): TracebackFrame[] {
  return [...tb.chain.flatMap((c) => c.frames), ...tb.frames, ...tb.sub_exceptions.flatMap(allFrames)];
}

/**
 * Where it happened in the user's own code: the innermost user frame of the exception that ended the printout, else of
 * the chain's exceptions from the last to the first (an import error raised deep in a library was reached from the
 * user's import line), else of the first sub-exception that has one. A C++ stack or a death has no such place.
 */
export function innermostUserFrame(tb: TracebackInfo): TracebackFrame | null {
  if (tb.kind === "cpp" || tb.kind === "signal") return null;
  const stacks = [tb.frames, ...[...tb.chain].reverse().map((c) => c.frames)];
  for (const stack of stacks) {
    for (let i = stack.length - 1; i >= 0; i--) if (isUserFrame(stack[i] as TracebackFrame)) return stack[i] as TracebackFrame;
  }
  for (const sub of tb.sub_exceptions) {
    const found = innermostUserFrame(sub);
    if (found) return found;
  }
  return null;
}
