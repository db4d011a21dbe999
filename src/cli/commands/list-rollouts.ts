// `sluice list rollouts [-A] [--name N] [-w] [--timestamps] [-o json]` (kubectl argo rollouts list rollouts):
// NAME STRATEGY STATUS STEP SET-WEIGHT READY DESIRED UP-TO-DATE AVAILABLE; with -w, a line per changed rollout.
import type { Command } from '../command.js';
import type { CliContext } from '../cli-context.js';
import { boolOption, outputOption, stringOption } from '../args.js';
import { computeRolloutListRow, listRollouts, watchRolloutList, type RolloutListRow } from '../../rollouts/ops/index.js';
import { renderRolloutTable } from '../render/rollout-list.js';
import { renderJsonLine, renderStructured } from '../render/structured.js';
import type { Output } from '../render/output.js';

interface Args { all: boolean; name?: string; watch: boolean; timestamps: boolean; json: boolean }
/** Rows to print; `header` for the first table of a run. */
export interface ListFrame { rows: RolloutListRow[]; header: boolean; allNamespaces: boolean; timestamp?: string; watch: boolean; json: boolean }

function timestampOf(ctx: CliContext, on: boolean): { timestamp?: string } {
  return on ? { timestamp: new Date(Math.floor(ctx.clock.now() / 1000) * 1000).toISOString().replace('.000Z', 'Z') } : {};
}

async function* watchList(ctx: CliContext, a: Args, namespace: string | undefined): AsyncGenerator<ListFrame> {
  const { client } = await ctx.connect();
  const previous = new Map<string, string>();
  let first = true;
  for await (const rollouts of watchRolloutList(client, namespace, { signal: ctx.signal, ...(a.name !== undefined ? { name: a.name } : {}) })) {
    const rows = rollouts.map(computeRolloutListRow);
    const changed = rows.filter((r) => {
      const key = `${r.namespace}/${r.name}`;
      const text = JSON.stringify(r);
      if (previous.get(key) === text) return false;
      previous.set(key, text);
      return true;
    });
    if (changed.length === 0 && !first) continue;
    yield { rows: changed, header: first, allNamespaces: a.all, ...timestampOf(ctx, a.timestamps), watch: true, json: a.json };
    first = false;
  }
}

/** Prints the table (or `No resources found.`), or JSON. */
export function renderListFrame(f: ListFrame, out: Output): void {
  if (f.json) {
    out.out(f.watch ? f.rows.map(renderJsonLine).join('') : renderStructured(f.rows, 'json'));
    return;
  }
  if (f.rows.length === 0 && !f.watch) { out.err('No resources found.\n'); return; }
  out.out(renderRolloutTable(f.rows, { namespace: f.allNamespaces, header: f.header, ...(f.timestamp !== undefined ? { timestamp: f.timestamp } : {}) }));
}

/** The list rollouts command. */
export const listRolloutsCommand: Command<Args, ListFrame> = {
  name: 'rollouts',
  parent: 'list',
  aliases: ['ro', 'rollout'],
  summary: 'List rollouts',
  options: [
    { flags: '-A, --all-namespaces', description: 'include all namespaces' },
    { flags: '--name <name>', description: 'only show the rollout with this name' },
    { flags: '-w, --watch', description: 'watch for changes' },
    { flags: '--timestamps', description: 'print timestamps on updates' },
    { flags: '-o, --output <format>', description: 'print the rows as json' },
  ],
  parseArgs(_pos, opts) {
    const name = stringOption(opts, 'name');
    return {
      all: boolOption(opts, 'allNamespaces'), watch: boolOption(opts, 'watch'), timestamps: boolOption(opts, 'timestamps'),
      json: outputOption(opts, ['json'] as const) === 'json', ...(name !== undefined && name !== '' ? { name } : {}),
    };
  },
  run(ctx, a) {
    return (async function* (): AsyncGenerator<ListFrame> {
      const namespace = a.all ? undefined : await ctx.namespace();
      if (a.watch) { yield* watchList(ctx, a, namespace); return; }
      const { client } = await ctx.connect();
      const rows = (await listRollouts(client, namespace, a.name)).map(computeRolloutListRow);
      yield { rows, header: true, allNamespaces: a.all, ...timestampOf(ctx, a.timestamps), watch: false, json: a.json };
    })();
  },
  render: renderListFrame,
};
