// `sluice retry rollout NAME...` (kubectl argo rollouts retry rollout): `status.abort=false`.
import type { Command } from '../command.js';
import { positionalList } from '../args.js';
import { retryRollout } from '../../rollouts/ops/index.js';
import { renderMessages, type Messages } from '../render/messages.js';

/** The retry rollout command. */
export const retryRolloutCommand: Command<{ names: string[] }, Messages> = {
  name: 'rollout',
  parent: 'retry',
  aliases: ['ro', 'rollouts'],
  summary: 'Retry an aborted rollout',
  args: ['<ROLLOUT_NAME...>'],
  parseArgs: (pos) => ({ names: positionalList(pos, 0) }),
  async *run(ctx, a) {
    const { client, namespace } = await ctx.connect();
    for (const name of a.names) {
      const r = await retryRollout(client, namespace, name);
      yield { lines: [`rollout '${r.rollout?.metadata.name ?? name}' retried`] };
    }
  },
  render: renderMessages,
};
