// `sluice abort NAME...` (kubectl argo rollouts abort): `status.abort=true`; traffic goes back to stable.
import type { Command } from '../command.js';
import { positionalList } from '../args.js';
import { abortRollout } from '../../rollouts/ops/index.js';
import { renderMessages, type Messages } from '../render/messages.js';

/** The abort command. */
export const abortCommand: Command<{ names: string[] }, Messages> = {
  name: 'abort',
  summary: 'Abort a rollout: stop progressing and revert to the stable ReplicaSet',
  args: ['<ROLLOUT_NAME...>'],
  parseArgs: (pos) => ({ names: positionalList(pos, 0) }),
  async *run(ctx, a) {
    const { client, namespace } = await ctx.connect();
    for (const name of a.names) {
      const r = await abortRollout(client, namespace, name);
      yield { lines: [`rollout '${r.rollout?.metadata.name ?? name}' aborted`] };
    }
  },
  render: renderMessages,
};
