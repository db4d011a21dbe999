// `sluice get rollout NAME [-w] [--timeout-seconds N] [-o json|yaml]` (kubectl argo rollouts get rollout): the
// header and tree; with -w re-rendered on every change of the Rollout, its ReplicaSets, pods and AnalysisRuns
// (informers, no polling) and, on a terminal, every second (ages, pause countdown).
import type { Command } from '../command.js';
import type { CliContext } from '../cli-context.js';
import { boolOption, intOption, outputOption, positional, stringOption } from '../args.js';
import { CliError } from '../cli-error.js';
import { computeRolloutInfo, readRolloutObjects, watchRolloutObjects, type RolloutInfo } from '../../rollouts/ops/index.js';
import { renderRolloutInfo } from '../render/rollout-tree.js';
import { renderJsonLine, renderStructured, type StructuredFormat } from '../render/structured.js';
import type { Output } from '../render/output.js';
import { watchDeadline } from './watch-deadline.js';

interface Args { name: string; watch: boolean; timeoutSeconds: number; output?: StructuredFormat }
/** One frame: the view, and whether it replaces the previous one on screen. */
export interface RolloutFrame { info: RolloutInfo; watch: boolean; output?: StructuredFormat }

const CLEAR = '\x1b[H\x1b[2J\x1b[0;0H';

/** Frames of a live view of Rollout `name` until Ctrl-C or the timeout (shared with `create -f … -w`). */
export async function* watchRolloutFrames(ctx: CliContext, name: string, timeoutSeconds: number, output?: StructuredFormat): AsyncGenerator<RolloutFrame> {
  const { client, namespace } = await ctx.connect();
  const deadline = watchDeadline(ctx.signal, ctx.timers, timeoutSeconds * 1000);
  try {
    const objects = watchRolloutObjects(client, namespace, name, { signal: deadline.signal, tickMs: output === undefined && ctx.io.isTTY ? 1000 : 0, timers: ctx.timers });
    for await (const objs of objects) {
      if (objs === undefined) throw new CliError(`rollout "${name}" was deleted`);
      yield { info: computeRolloutInfo(objs, ctx.clock.now()), watch: true, ...(output !== undefined ? { output } : {}) };
    }
  } finally {
    deadline.cancel();
  }
}

/** Prints a frame: the tree (clearing the screen between watch frames on a terminal), JSON or YAML. */
export function renderRolloutFrame(f: RolloutFrame, out: Output): void {
  if (f.output === 'json' && f.watch) { out.out(renderJsonLine(f.info)); return; }
  if (f.output !== undefined) { out.out(renderStructured(f.info, f.output)); return; }
  if (f.watch && out.isTTY) out.out(CLEAR);
  out.out(renderRolloutInfo(f.info, out.color) + (f.watch && !out.isTTY ? '\n' : ''));
}

/** The get rollout command. */
export const getRolloutCommand: Command<Args, RolloutFrame> = {
  name: 'rollout',
  parent: 'get',
  aliases: ['ro', 'rollouts'],
  summary: 'Get details about a rollout (header and tree of revisions, ReplicaSets, pods and AnalysisRuns)',
  args: ['<ROLLOUT_NAME>'],
  options: [
    { flags: '-w, --watch', description: 'watch live updates to the rollout' },
    { flags: '--timeout-seconds <N>', description: 'stop watching after N seconds' },
    { flags: '-o, --output <format>', description: 'print the view as json or yaml' },
  ],
  parseArgs(pos, opts) {
    const t = stringOption(opts, 'timeoutSeconds');
    const output = outputOption(opts, ['json', 'yaml'] as const);
    return { name: positional(pos, 0), watch: boolOption(opts, 'watch'), timeoutSeconds: t === undefined ? 0 : intOption(t, '--timeout-seconds'), ...(output !== undefined ? { output } : {}) };
  },
  run(ctx, a) {
    if (a.watch) return watchRolloutFrames(ctx, a.name, a.timeoutSeconds, a.output);
    return (async () => {
      const { client, namespace } = await ctx.connect();
      const info = computeRolloutInfo(await readRolloutObjects(client, namespace, a.name), ctx.clock.now());
      return { info, watch: false, ...(a.output !== undefined ? { output: a.output } : {}) };
    })();
  },
  render: renderRolloutFrame,
};
