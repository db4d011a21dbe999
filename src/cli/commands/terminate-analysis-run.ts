// `sluice terminate analysisrun NAME...` (kubectl argo rollouts terminate analysisrun): `spec.terminate=true`.
import type { Command } from '../command.js';
import { positionalList } from '../args.js';
import { terminateAnalysisRun } from '../../rollouts/ops/index.js';
import { renderMessages, type Messages } from '../render/messages.js';

/** The terminate analysisrun command. */
export const terminateAnalysisRunCommand: Command<{ names: string[] }, Messages> = {
  name: 'analysisrun',
  parent: 'terminate',
  aliases: ['ar', 'analysisruns'],
  summary: 'Terminate an AnalysisRun',
  args: ['<ANALYSISRUN_NAME...>'],
  parseArgs: (pos) => ({ names: positionalList(pos, 0) }),
  async *run(ctx, a) {
    const { client, namespace } = await ctx.connect();
    for (const name of a.names) {
      const run = await terminateAnalysisRun(client, namespace, name);
      yield { lines: [`analysisRun '${run.metadata.name ?? name}' terminated`] };
    }
  },
  render: renderMessages,
};
