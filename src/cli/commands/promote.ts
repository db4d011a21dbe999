// `sluice promote NAME [--full]` (kubectl argo rollouts promote): advance past the current pause/step, or skip all.
import type { Command } from '../command.js';
import { positional, boolOption } from '../args.js';
import { promoteRollout } from '../../rollouts/ops/index.js';
import { renderMessages, type Messages } from '../render/messages.js';

/** The promote command. */
export const promoteCommand: Command<{ name: string; full: boolean }, Messages> = {
  name: 'promote',
  summary: 'Promote a rollout (use --full to skip all remaining steps, pauses and analysis)',
  args: ['<ROLLOUT_NAME>'],
  options: [{ flags: '--full', description: 'perform a full promotion, skipping analysis, pauses, and steps' }],
  parseArgs: (pos, opts) => ({ name: positional(pos, 0), full: boolOption(opts, 'full') }),
  async run(ctx, a) {
    const { client, namespace } = await ctx.connect();
    const r = await promoteRollout(client, namespace, a.name, { full: a.full });
    return { lines: [`rollout '${r.rollout?.metadata.name ?? a.name}' ${a.full ? 'fully promoted' : 'promoted'}`] };
  },
  render: renderMessages,
};
