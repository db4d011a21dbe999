// `sluice pause NAME...` (kubectl argo rollouts pause): `spec.paused=true`.
import type { Command } from '../command.js';
import { positionalList } from '../args.js';
import { pauseRollout } from '../../rollouts/ops/index.js';
import { renderMessages, type Messages } from '../render/messages.js';

/** The pause command. */
export const pauseCommand: Command<{ names: string[] }, Messages> = {
  name: 'pause',
  summary: 'Pause a rollout',
  args: ['<ROLLOUT_NAME...>'],
  parseArgs: (pos) => ({ names: positionalList(pos, 0) }),
  async *run(ctx, a) {
    const { client, namespace } = await ctx.connect();
    for (const name of a.names) {
      const r = await pauseRollout(client, namespace, name);
      yield { lines: [`rollout '${r.rollout?.metadata.name ?? name}' paused`] };
    }
  },
  render: renderMessages,
};
