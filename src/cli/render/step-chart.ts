// `plan -f`: one small chart per stage of a simulated update — replicas of the new (canary) and old (stable)
// version and the traffic the new version gets, as bars; pauses (॥) and analyses (α) marked.
import type { Simulation, SimulatedStage } from '../../rollouts/ops/index.js';
import { paint } from './color.js';

const WIDTH = 20;
const pods = (n: number): string => `${n} ${n === 1 ? 'pod' : 'pods'}`;
const PARTIAL = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A bar of `WIDTH` cells filled to `value / max` in eighths: 1 of 3 → `██████▋░░░░░░░░░░░░░`. */
export function bar(value: number, max: number): string {
  const eighths = max <= 0 ? 0 : Math.round((Math.min(value, max) / max) * WIDTH * 8);
  const full = Math.floor(eighths / 8);
  const part = PARTIAL[eighths % 8] ?? '';
  return '█'.repeat(full) + part + '░'.repeat(WIDTH - full - (part === '' ? 0 : 1));
}

const DESCRIPTIONS: Readonly<Record<string, string>> = {
  before: 'Before the update',
  preview: 'Preview: the new version scales up; the active Service still selects the old one',
  pause: 'Paused before the switch',
  switch: 'Switch: the active Service selects the new version; the old one waits for scaleDownDelaySeconds',
  done: 'Promoted: the new version is stable, the old one scaled down',
};

function title(sim: Simulation, s: SimulatedStage): string {
  if (s.stepIndex !== undefined && s.stepIndex < sim.stepCount) return `Step ${s.stepIndex + 1} of ${sim.stepCount}: ${s.label}`;
  if (s.stepIndex !== undefined) return 'All steps complete: the canary scales to full size';
  return DESCRIPTIONS[s.key] ?? s.label;
}

function marks(s: SimulatedStage): string {
  const out: string[] = [];
  if (s.pause === 'timed') out.push(`॥ pauses ${s.pauseSeconds ?? 0}s`);
  if (s.pause === 'promote') out.push('॥ waits for `sluice promote`');
  if (s.analysis.length > 0) out.push(`α analysis: ${s.analysis.join(', ')} (assumed Successful)`);
  return out.length > 0 ? `   ${out.join('   ')}` : '';
}

function trafficNote(sim: Simulation, s: SimulatedStage): string {
  const inStep = s.stepIndex !== undefined && s.stepIndex < sim.stepCount;
  if (!inStep || s.setWeight === undefined || s.setWeight === s.weight) return '';
  return ` (setWeight ${s.setWeight}; pods approximate it)`;
}

/** One stage's block. `max` is the replica count the bars are scaled to. */
export function renderStage(sim: Simulation, s: SimulatedStage, max: number, color: boolean): string[] {
  const head = `${title(sim, s)}${marks(s)}`;
  const names = sim.strategy === 'Canary' ? ['canary   ', 'stable   '] : ['new      ', 'old      '];
  return [
    `${`+${s.startSeconds}s`.padEnd(6)} ${head}`,
    `       ${names[0]}${paint(bar(s.canaryReplicas, max), 'yellow', color)}  ${pods(s.canaryReplicas)} (new version)`,
    `       ${names[1]}${paint(bar(s.stableReplicas, max), 'green', color)}  ${pods(s.stableReplicas)}`,
    `       traffic  ${paint(bar(s.weight, 100), 'hiBlue', color)}  ${s.weight}% to the new version${trafficNote(sim, s)}`,
  ];
}

/** The whole chart of one Rollout's simulated update. */
export function renderSimulation(name: string, sim: Simulation, color: boolean): string {
  const kind = sim.strategy === 'Canary' ? `canary, ${sim.stepCount} ${sim.stepCount === 1 ? 'step' : 'steps'}` : 'blue-green';
  const lines = [`Rollout "${name}": ${kind}, ${sim.replicas} ${sim.replicas === 1 ? 'replica' : 'replicas'} — simulated update (pods ready 1s after scaling, analysis succeeds)`, ''];
  const max = Math.max(sim.replicas, ...sim.stages.map((s) => Math.max(s.canaryReplicas, s.stableReplicas)));
  for (const s of sim.stages) lines.push(...renderStage(sim, s, max, color), '');
  lines.push(sim.outcome === 'completed' ? `Done: ${sim.message}.` : `The simulation ended: ${sim.message}.`);
  return lines.join('\n') + '\n';
}
