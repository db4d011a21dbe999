// `sluice set image NAME CONTAINER=IMAGE` (kubectl argo rollouts set image); `*=IMAGE` sets every container.
import type { Command } from '../command.js';
import { positional } from '../args.js';
import { CliError } from '../cli-error.js';
import { setRolloutImage } from '../../rollouts/ops/index.js';
import { renderMessages, type Messages } from '../render/messages.js';

/** The set image command. */
export const setImageCommand: Command<{ name: string; container: string; image: string }, Messages> = {
  name: 'image',
  parent: 'set',
  summary: 'Update the image of a rollout\'s container (CONTAINER=IMAGE, or *=IMAGE for all)',
  args: ['<ROLLOUT_NAME>', '<CONTAINER=IMAGE>'],
  parseArgs(pos) {
    const parts = positional(pos, 1).split('=');
    const [container, image] = parts;
    if (parts.length !== 2 || container === undefined || container === '' || image === undefined || image === '') {
      throw new CliError(`expected CONTAINER=IMAGE (or *=IMAGE), got "${positional(pos, 1)}"`);
    }
    return { name: positional(pos, 0), container, image };
  },
  async run(ctx, a) {
    const { client, namespace } = await ctx.connect();
    const r = await setRolloutImage(client, namespace, a.name, a.container, a.image);
    return { lines: [`${r.kind.toLowerCase()} "${r.name}" image updated`] };
  },
  render: renderMessages,
};
