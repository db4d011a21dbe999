// `sluice undo NAME [--to-revision N]` (kubectl argo rollouts undo): restore an earlier revision's pod template.
import type { Command } from '../command.js';
import { intOption, positional, stringOption } from '../args.js';
import { undoRollout } from '../../rollouts/ops/index.js';
import { renderMessages, type Messages } from '../render/messages.js';

/** The undo command. */
export const undoCommand: Command<{ name: string; toRevision: number }, Messages> = {
  name: 'undo',
  summary: 'Undo a rollout: roll back to the previous (or a given) revision',
  args: ['<ROLLOUT_NAME>'],
  options: [{ flags: '--to-revision <N>', description: 'the revision to roll back to (default: the previous one)' }],
  parseArgs(pos, opts) {
    const to = stringOption(opts, 'toRevision');
    return { name: positional(pos, 0), toRevision: to === undefined ? 0 : intOption(to, '--to-revision') };
  },
  async run(ctx, a) {
    const { client, namespace } = await ctx.connect();
    const r = await undoRollout(client, namespace, a.name, a.toRevision);
    return {
      lines: [r.outcome === 'skipped' ? `skipped rollback (current template already matches revision ${r.revision})` : `rollout '${a.name}' undo`],
    };
  },
  render: renderMessages,
};
