// `sluice plan -f FILE [--name N] [-o json]` (a Sluice addition): simulate an update of each Rollout of the file
// with the controller's own pure planner and chart every stage, or print the stage table as JSON.
import type { Command } from '../command.js';
import { outputOption, stringOption } from '../args.js';
import { CliError } from '../cli-error.js';
import { readManifestObjects, simulateRollout, withStubs, type Simulation } from '../../rollouts/ops/index.js';
import { renderSimulation } from '../render/step-chart.js';
import { renderStructured } from '../render/structured.js';
import { readManifest } from './lint.js';

/** The simulations, by Rollout name. */
export interface PlanResult { simulations: { name: string; simulation: Simulation }[]; json: boolean }

/** The plan command. */
export const planCommand: Command<{ file: string; name?: string; json: boolean }, PlanResult> = {
  name: 'plan',
  summary: 'Show, step by step, what an update of the Rollouts in a file will do (simulated offline)',
  options: [
    { flags: '-f, --filename <FILE>', description: 'file with the Rollout (and its Services and AnalysisTemplates)' },
    { flags: '--name <name>', description: 'only this Rollout of the file' },
    { flags: '-o, --output <format>', description: 'print the stage table as json' },
  ],
  parseArgs(_pos, opts) {
    const file = stringOption(opts, 'filename');
    if (file === undefined || file === '') throw new CliError('plan needs a file: sluice plan -f FILE');
    const name = stringOption(opts, 'name');
    return { file, json: outputOption(opts, ['json'] as const) === 'json', ...(name !== undefined ? { name } : {}) };
  },
  async run(_ctx, a) {
    const { rollouts, file, errors } = readManifestObjects(await readManifest(a.file));
    if (errors[0] !== undefined) throw new CliError(`cannot parse ${a.file}: ${errors[0]}`);
    const chosen = rollouts.filter((r) => a.name === undefined || r.metadata.name === a.name);
    if (chosen.length === 0) throw new CliError(a.name === undefined ? `${a.file} defines no Rollout (check with: sluice lint -f ${a.file})` : `${a.file} defines no Rollout "${a.name}"`);
    const simulations = chosen.map((ro) => ({ name: ro.metadata.name ?? '', simulation: simulateRollout(ro, withStubs(ro, file)) }));
    const invalid = simulations.find((s) => s.simulation.outcome === 'invalid');
    if (invalid !== undefined && !a.json) throw new CliError(`${invalid.simulation.message} (check with: sluice lint -f ${a.file})`);
    return { simulations, json: a.json };
  },
  render(r, out) {
    if (r.json) { out.out(renderStructured(r.simulations.map((s) => ({ rollout: s.name, ...s.simulation })), 'json')); return; }
    out.out(r.simulations.map((s) => renderSimulation(s.name, s.simulation, out.color)).join('\n'));
  },
};
