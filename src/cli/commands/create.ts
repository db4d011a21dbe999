// `sluice create -f FILE [-w]` (kubectl argo rollouts create): creates the Rollouts, Experiments, AnalysisTemplates,
// ClusterAnalysisTemplates and AnalysisRuns of a file after a strict field check; `-w` then watches the Rollout.
import { parseAllDocuments } from 'yaml';
import type { Command } from '../command.js';
import type { CliContext } from '../cli-context.js';
import { boolOption, listOption } from '../args.js';
import { CliError } from '../cli-error.js';
import { isJsonObject, splitApiVersion, type KubeObject } from '../../api/meta.js';
import { R, type ResourceType } from '../../api/resources.js';
import { checkObjectFields, formatPath } from '../../rollouts/ops/index.js';
import { renderMessages, type Messages } from '../render/messages.js';
import { renderRolloutFrame, watchRolloutFrames, type RolloutFrame } from './get-rollout.js';
import { readManifest } from './lint.js';

/** A creation message, or a frame of the `-w` view. */
export type CreateResult = { messages: Messages } | { frame: RolloutFrame };

const CREATABLE: Readonly<Record<string, ResourceType>> = {
  Rollout: R.rollouts, Experiment: R.experiments, AnalysisTemplate: R.analysistemplates,
  ClusterAnalysisTemplate: R.clusteranalysistemplates, AnalysisRun: R.analysisruns,
};

async function objectsOf(file: string): Promise<Record<string, unknown>[]> {
  const docs = parseAllDocuments(await readManifest(file));
  const out: Record<string, unknown>[] = [];
  for (const doc of docs) {
    const err = doc.errors[0];
    if (err !== undefined) throw new CliError(`cannot parse ${file}: ${err.message.split('\n')[0] ?? err.message}`);
    const v: unknown = doc.toJS();
    if (v === null || v === undefined) continue;
    if (!isJsonObject(v)) throw new CliError(`cannot create from ${file}: a document is not an object`);
    out.push(v);
  }
  return out;
}

/** Checks one object before anything is created: a creatable kind, and no unknown or mistyped field. */
async function checkOne(v: Record<string, unknown>, file: string): Promise<{ t: ResourceType; kind: string; apiVersion: string }> {
  const apiVersion = typeof v['apiVersion'] === 'string' ? v['apiVersion'] : '';
  const kind = typeof v['kind'] === 'string' ? v['kind'] : '';
  const [group] = splitApiVersion(apiVersion);
  const t = group === 'argoproj.io' && Object.hasOwn(CREATABLE, kind) ? CREATABLE[kind] : undefined;
  if (t === undefined) throw new CliError(`creates of ${group}/${kind} unsupported (in ${file}; use kubectl apply for other kinds)`);
  const problems = (await checkObjectFields(v)).filter((p) => p.severity === 'error');
  const first = problems[0];
  if (first !== undefined) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more: see sluice lint -f ${file})` : '';
    throw new CliError(`${kind} in ${file} is invalid: ${formatPath(first.path)}: ${first.message}${more}`);
  }
  return { t, kind, apiVersion };
}

async function createOne(ctx: CliContext, v: Record<string, unknown>, checked: { t: ResourceType; kind: string; apiVersion: string }): Promise<{ kind: string; name: string }> {
  const { client } = await ctx.connect();
  const meta = isJsonObject(v['metadata']) ? v['metadata'] : {};
  const namespace = typeof meta['namespace'] === 'string' ? meta['namespace'] : await ctx.namespace();
  const obj: KubeObject = { ...v, apiVersion: checked.apiVersion, kind: checked.kind, metadata: { ...meta, ...(checked.t.namespaced ? { namespace } : {}) } };
  const created = await client.create(checked.t, obj);
  return { kind: checked.kind, name: created.metadata.name ?? '' };
}

/** The create command. */
export const createCommand: Command<{ files: string[]; watch: boolean }, CreateResult> = {
  name: 'create',
  summary: 'Create a Rollout, Experiment, AnalysisTemplate, ClusterAnalysisTemplate or AnalysisRun from a file',
  options: [
    { flags: '-f, --filename <FILE>', description: 'files to create the resources from', repeatable: true },
    { flags: '-w, --watch', description: 'watch live updates to the rollout after creating it' },
  ],
  parseArgs(_pos, opts) {
    const files = listOption(opts, 'filename');
    if (files.length === 0) throw new CliError('create needs a file: sluice create -f FILE');
    return { files, watch: boolOption(opts, 'watch') };
  },
  async *run(ctx, a) {
    const objects: { v: Record<string, unknown>; checked: Awaited<ReturnType<typeof checkOne>> }[] = [];
    for (const file of a.files) for (const v of await objectsOf(file)) objects.push({ v, checked: await checkOne(v, file) });
    const created: { kind: string; name: string }[] = [];
    for (const { v, checked } of objects) {
      const c = await createOne(ctx, v, checked);
      created.push(c);
      yield { messages: { lines: [`${c.kind.toLowerCase()}.argoproj.io/${c.name} created`] } };
    }
    if (!a.watch) return;
    const rollouts = created.filter((c) => c.kind === 'Rollout');
    if (created.length !== 1 || rollouts[0] === undefined) throw new CliError('-w watches exactly one Rollout: create one Rollout per command to watch it');
    for await (const frame of watchRolloutFrames(ctx, rollouts[0].name, 0)) yield { frame };
  },
  render: (r, out) => ('frame' in r ? renderRolloutFrame(r.frame, out) : renderMessages(r.messages, out)),
};
