// The shape of every CLI command (docs/style.md "CLI and dashboard specifics"): one file exports a `Command`;
// `parseArgs` turns the parsed words into typed arguments, `run` returns data (or a stream of it for watches),
// and a renderer from render/* prints it. Commands never print.
import type { CliContext } from './cli-context.js';
import type { Output } from './render/output.js';

/** A flag in commander syntax: `-w, --watch`, `--to-revision <N>`, `-a, --argument <k=v>` (repeatable). */
export interface OptionSpec {
  flags: string;
  description: string;
  defaultValue?: string | boolean;
  /** The flag may be given several times; the values form a list. Values are validated in `parseArgs`. */
  repeatable?: boolean;
}

/** A command: `A` its typed arguments, `R` what `run` returns (each item of a watch stream). */
export interface Command<A, R> {
  /** The word that invokes it (`rollout` under `get`). */
  readonly name: string;
  /** The parent word (`get`, `list`, `retry`, `set`, `create`, `terminate`), if any. */
  readonly parent?: string;
  readonly aliases?: readonly string[];
  readonly summary: string;
  /** Positional arguments in commander syntax: `<ROLLOUT_NAME>`, `<ROLLOUT_NAME...>`. */
  readonly args?: readonly string[];
  readonly options?: readonly OptionSpec[];
  parseArgs(positional: readonly unknown[], options: Readonly<Record<string, unknown>>): A;
  run(ctx: CliContext, args: A): Promise<R> | AsyncIterable<R>;
  render(result: R, out: Output): void;
  /** A failure to report after rendering (exit 1), e.g. lint problems. */
  failure?(result: R): string | undefined;
}

/** A command with its types erased, as the program registers it. */
export interface RegisteredCommand {
  readonly name: string;
  readonly parent?: string;
  readonly aliases: readonly string[];
  readonly summary: string;
  readonly args: readonly string[];
  readonly options: readonly OptionSpec[];
  /** Parses, runs and renders; rejects with what `run` threw. Resolves with the failure line, if any. */
  execute(ctx: CliContext, out: Output, positional: readonly unknown[], options: Readonly<Record<string, unknown>>): Promise<string | undefined>;
}

function isAsyncIterable<R>(x: Promise<R> | AsyncIterable<R>): x is AsyncIterable<R> {
  return typeof x === 'object' && x !== null && Symbol.asyncIterator in x;
}

/** Erases a command's types behind `execute`. */
export function defineCommand<A, R>(c: Command<A, R>): RegisteredCommand {
  return {
    name: c.name, ...(c.parent !== undefined ? { parent: c.parent } : {}), aliases: c.aliases ?? [], summary: c.summary,
    args: c.args ?? [], options: c.options ?? [],
    async execute(ctx, out, positional, options) {
      const args = c.parseArgs(positional, options);
      const result = c.run(ctx, args);
      if (!isAsyncIterable(result)) {
        const r = await result;
        c.render(r, out);
        return c.failure?.(r);
      }
      let failure: string | undefined;
      for await (const r of result) {
        c.render(r, out);
        failure = c.failure?.(r) ?? failure;
      }
      return failure;
    },
  };
}
