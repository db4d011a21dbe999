// `sluice restart NAME [--in 30s]` (kubectl argo rollouts restart): `spec.restartAt = now + in`.
import type { Command } from '../command.js';
import { durationOption, positional, stringOption } from '../args.js';
import { restartRollout } from '../../rollouts/ops/index.js';
import { renderMessages, type Messages } from '../render/messages.js';

/** The restart command. */
export const restartCommand: Command<{ name: string; inText: string; inMs: number }, Messages> = {
  name: 'restart',
  summary: 'Restart the pods of a rollout',
  args: ['<ROLLOUT_NAME>'],
  options: [{ flags: '-i, --in <duration>', description: 'amount of time before a restart (e.g. 30s, 5m, 1h)' }],
  parseArgs(pos, opts) {
    const inText = stringOption(opts, 'in') ?? '';
    return { name: positional(pos, 0), inText: inText === '' ? '0s' : inText, inMs: inText === '' ? 0 : durationOption(inText, '--in') };
  },
  async run(ctx, a) {
    const { client, namespace } = await ctx.connect();
    const r = await restartRollout(client, namespace, a.name, ctx.clock.now(), a.inMs);
    return { lines: [`rollout '${r.rollout?.metadata.name ?? a.name}' restarts in ${a.inText}`] };
  },
  render: renderMessages,
};
