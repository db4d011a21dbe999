// `sluice status NAME [-w=false] [-t 5m]` (kubectl argo rollouts status): prints `<Phase> - <message>` on every
// change until Healthy (exit 0) or Degraded (exit 1); Paused is not terminal; the timeout ends with an error.
import type { Command } from '../command.js';
import { boolValue, durationOption, positional, stringOption } from '../args.js';
import { CliError } from '../cli-error.js';
import { R } from '../../api/resources.js';
import type { Rollout } from '../../api/rollouts-v1alpha1.js';
import { rolloutPhaseForClients } from '../../rollouts/plan/index.js';
import { watchRolloutObjects } from '../../rollouts/ops/index.js';
import { renderMessages, type Messages } from '../render/messages.js';
import { watchDeadline } from './watch-deadline.js';

interface Args { name: string; watch: boolean; timeoutMs: number }

const degraded = (message: string): CliError => new CliError(`The rollout is in a degraded state with message: ${message}`);

function statusLine(ro: Readonly<Rollout>): { phase: string; message: string; line: string } {
  const { phase, message } = rolloutPhaseForClients(ro);
  return { phase, message, line: message !== '' ? `${phase} - ${message}` : phase };
}

/** The status command. */
export const statusCommand: Command<Args, Messages> = {
  name: 'status',
  summary: 'Show the status of a rollout; by default wait until it is Healthy (exit 0) or Degraded (exit 1)',
  args: ['<ROLLOUT_NAME>'],
  options: [
    { flags: '-w, --watch [bool]', description: 'watch the status until it is done (--watch=false prints once)', defaultValue: true },
    { flags: '-t, --timeout <duration>', description: 'give up after this long (e.g. 30s, 5m; 0 waits forever)' },
  ],
  parseArgs(pos, opts) {
    const w = opts['watch'];
    const t = stringOption(opts, 'timeout');
    return { name: positional(pos, 0), watch: typeof w === 'string' ? boolValue(w) : w !== false, timeoutMs: t === undefined ? 0 : durationOption(t, '--timeout') };
  },
  async *run(ctx, a) {
    const { client, namespace } = await ctx.connect();
    if (!a.watch) {
      const s = statusLine(await client.get<Rollout>(R.rollouts, namespace, a.name));
      yield { lines: [s.phase === 'Healthy' || s.phase === 'Degraded' ? s.phase : s.line] };
      if (s.phase === 'Degraded') throw degraded(s.message);
      return;
    }
    const deadline = watchDeadline(ctx.signal, ctx.timers, a.timeoutMs);
    let previous = '';
    try {
      for await (const objs of watchRolloutObjects(client, namespace, a.name, { signal: deadline.signal, rolloutOnly: true, timers: ctx.timers })) {
        if (objs === undefined) throw new CliError(`rollout "${a.name}" was deleted`);
        const s = statusLine(objs.rollout);
        if (s.line !== previous) yield { lines: [s.line] };
        previous = s.line;
        if (s.phase === 'Healthy') return;
        if (s.phase === 'Degraded') throw degraded(s.message);
      }
    } finally {
      deadline.cancel();
    }
    throw new CliError('Rollout status watch exceeded timeout');
  },
  render: renderMessages,
};
