// `sluice create analysisrun --from TEMPLATE [--global] [-a k=v] [--name N | --generate-name P]`
// (kubectl argo rollouts create analysisrun); `--from-file F` takes the template from a local file.
import { parseAllDocuments } from 'yaml';
import type { Command } from '../command.js';
import { boolOption, listOption, stringOption } from '../args.js';
import { CliError } from '../cli-error.js';
import { R } from '../../api/resources.js';
import { isJsonObject } from '../../api/meta.js';
import type { AnalysisTemplate } from '../../api/rollouts-v1alpha1.js';
import { AnalysisRunInputError, buildRunFromTemplate, parseArgFlags, type RunNaming } from '../../rollouts/ops/index.js';
import { createAnalysisRunFromTemplate } from '../../rollouts/ops/index.js';
import { renderMessages, type Messages } from '../render/messages.js';
import { readManifest } from './lint.js';

interface Args { from?: string; fromFile?: string; global: boolean; argFlags: string[]; name?: string; generateName?: string; instanceId?: string }

function isTemplate(v: unknown): v is AnalysisTemplate {
  return isJsonObject(v) && isJsonObject(v['metadata']) && isJsonObject(v['spec']);
}

async function templateFromFile(file: string): Promise<AnalysisTemplate> {
  const v: unknown = parseAllDocuments(await readManifest(file))[0]?.toJS();
  if (!isTemplate(v)) throw new CliError(`${file} does not hold an AnalysisTemplate`);
  return v;
}

/** The create analysisrun command. */
export const createAnalysisRunCommand: Command<Args, Messages> = {
  name: 'analysisrun',
  parent: 'create',
  aliases: ['ar'],
  summary: 'Create an AnalysisRun from an AnalysisTemplate or a ClusterAnalysisTemplate',
  options: [
    { flags: '--from <TEMPLATE>', description: 'the AnalysisTemplate (or, with --global, ClusterAnalysisTemplate) in the cluster' },
    { flags: '--from-file <FILE>', description: 'an AnalysisTemplate in a local file' },
    { flags: '--global', description: 'use a ClusterAnalysisTemplate instead of an AnalysisTemplate' },
    { flags: '-a, --argument <NAME=VALUE>', description: 'arguments to the template', repeatable: true },
    { flags: '--name <name>', description: 'name of the run' },
    { flags: '--generate-name <prefix>', description: 'generateName of the run (default: <template>-)' },
    { flags: '--instance-id <id>', description: 'controller instance id label for the run' },
  ],
  parseArgs(_pos, opts) {
    const a: Args = { global: boolOption(opts, 'global'), argFlags: listOption(opts, 'argument') };
    for (const key of ['from', 'fromFile', 'name', 'generateName', 'instanceId'] as const) {
      const v = stringOption(opts, key);
      if (v !== undefined && v !== '') a[key] = v;
    }
    if ((a.from === undefined) === (a.fromFile === undefined)) throw new CliError('one of --from or --from-file must be specified');
    return a;
  },
  async run(ctx, a) {
    const { client } = await ctx.connect();
    const naming: RunNaming = { namespace: await ctx.namespace(), ...(a.name !== undefined ? { name: a.name } : {}), ...(a.generateName !== undefined ? { generateName: a.generateName } : {}), ...(a.instanceId !== undefined ? { instanceId: a.instanceId } : {}) };
    if (a.from !== undefined) {
      const run = await createAnalysisRunFromTemplate(client, { ...naming, from: a.from, global: a.global, argFlags: a.argFlags });
      return { lines: [`analysisrun.argoproj.io/${run.metadata.name ?? ''} created`] };
    }
    const parsed = parseArgFlags(a.argFlags);
    if (!parsed.ok) throw new AnalysisRunInputError(parsed.error);
    const built = buildRunFromTemplate(await templateFromFile(a.fromFile ?? ''), parsed.args, naming);
    if (!built.ok) throw new AnalysisRunInputError(built.error);
    const run = await client.create(R.analysisruns, built.run);
    return { lines: [`analysisrun.argoproj.io/${run.metadata.name ?? ''} created`] };
  },
  render: renderMessages,
};
