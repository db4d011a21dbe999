// What the dashboard shows of one Rollout: the `get rollout` view (rollouts/ops) plus the canary steps with
// where the rollout stands, and the one-line labels the step list draws. Pure: objects and a clock in, data out.
import type { CanaryStep, Rollout } from '../api/rollouts-v1alpha1.js';
import { computeRolloutInfo, computeRolloutListRow, type RolloutInfo, type RolloutListRow, type RolloutObjects } from '../rollouts/ops/index.js';

/** One canary step in the list. */
export interface StepView {
  readonly index: number;
  readonly label: string;
  readonly state: 'done' | 'current' | 'pending';
}

/** The detail pane of one Rollout. */
export interface RolloutView {
  readonly info: RolloutInfo;
  readonly steps: StepView[];
  readonly paused: boolean;
  readonly aborted: boolean;
}

function templates(names: readonly { templateName?: string }[] | undefined): string {
  return (names ?? []).map((t) => t.templateName ?? '').filter((n) => n !== '').join(', ');
}

/** A short label for a step: `Set weight 20%`, `Pause 60s`, `Pause (until promoted)`, `Analysis: success-rate`. */
export function stepLabel(step: Readonly<CanaryStep>): string {
  if (step.setWeight !== undefined) return `Set weight ${step.setWeight}%`;
  if (step.pause !== undefined) return step.pause.duration === undefined ? 'Pause (until promoted)' : `Pause ${typeof step.pause.duration === 'number' ? `${step.pause.duration}s` : step.pause.duration}`;
  if (step.analysis !== undefined) return `Analysis: ${templates(step.analysis.templates) || '(no template)'}`;
  if (step.experiment !== undefined) return 'Experiment';
  if (step.setCanaryScale !== undefined) {
    const s = step.setCanaryScale;
    return s.matchTrafficWeight === true ? 'Canary scale: match traffic weight' : s.replicas !== undefined ? `Canary scale: ${s.replicas} replicas` : `Canary scale: ${s.weight ?? 0}%`;
  }
  if (step.setHeaderRoute !== undefined) return `Header route ${step.setHeaderRoute.name ?? ''}`.trimEnd();
  if (step.setMirrorRoute !== undefined) return `Mirror route ${step.setMirrorRoute.name}`;
  if (step.plugin !== undefined) return `Plugin ${step.plugin.name}`;
  return 'Step';
}

/** The canary steps, marked done / current / pending from `status.currentStepIndex` (all done once past the end). */
export function stepViews(ro: Readonly<Rollout>): StepView[] {
  const steps = ro.spec.strategy.canary?.steps ?? [];
  const current = ro.status?.currentStepIndex ?? 0;
  return steps.map((s, index) => ({ index, label: stepLabel(s), state: index < current ? 'done' : index === current ? 'current' : 'pending' }));
}

/** The whole detail view. */
export function computeRolloutView(objs: RolloutObjects, nowMs: number): RolloutView {
  const ro = objs.rollout;
  return {
    info: computeRolloutInfo(objs, nowMs),
    steps: stepViews(ro),
    paused: ro.spec.paused === true || (ro.status?.pauseConditions?.length ?? 0) > 0,
    aborted: ro.status?.abort === true,
  };
}

/** The overview rows. */
export function computeRolloutRows(rollouts: readonly Readonly<Rollout>[]): RolloutListRow[] {
  return rollouts.map((r) => computeRolloutListRow(r));
}
