// How the JavaScript engine compiles isnad: set by the CLI and the language server before any check (and by the
// bench, so it measures what ships). Node documents flags set at run time as unsupported; this one is read each
// time the compiler decides what to inline, and a trace of those decisions shows it taking effect.
//
// The reader is a few long loops over many middling functions. With the engine's default inlining budget its
// optimising compiler inlined so much of them that compiling was half of all the instructions of a first check of
// a 1 MB draft (callgrind, --single-threaded), and on two vCPUs the compiler's thread competes with the check's.
// Half the default budget (920 in Node 20's V8): the 5 MB draft's first check 8–20% faster in alternated runs, a warm check
// no slower.
import * as v8 from 'v8';

export const INLINING_BUDGET = 460;

export function tuneEngine(): void {
  v8.setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${INLINING_BUDGET}`);
}
