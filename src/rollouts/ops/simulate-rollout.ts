// `plan -f FILE`: what an update of a Rollout will do, stage by stage, computed by the controller's own pure planner
// in a simulated world (pods become available one tick after scaling, analysis succeeds, pauses are waited out or
// promoted). The Rollout is first deployed, then its pod template changes, as `kubectl apply` of a new image would.
import type { ReplicaSet } from '../../api/apps-v1.js';
import type { Rollout } from '../../api/rollouts-v1alpha1.js';
import { POD_TEMPLATE_HASH_LABEL, ROLLOUT_TYPE_LABEL } from '../../api/rollouts-constants.js';
import { canaryStepString, pauseDurationSeconds, promotePatch } from '../plan/index.js';
import { SimulationWorld, type SimulationInputs } from './simulation-world.js';
import { captureFrame, stageKeyOf, type SimulationFrame } from './simulation-frame.js';

/** One stage of the update and the state it settles in. */
export interface SimulatedStage extends SimulationFrame {
  /** `before update`, `setWeight: 10`, `pause: 60`, `promoted`; blue-green `preview`, `pause`, `switch`, `promoted`. */
  label: string;
  stepIndex?: number;
  /** Seconds since the template changed when the stage began, and how long it lasted. */
  startSeconds: number;
  durationSeconds: number;
  /** `timed`: ends by itself after `pauseSeconds`; `promote`: waits for `promote` (the simulation promotes). */
  pause?: 'timed' | 'promote';
  pauseSeconds?: number;
  /** AnalysisRuns started in the stage: `Background`, `Step`, `PrePromotion`, `PostPromotion`. */
  analysis: string[];
}

/** The simulated update. `completed`: the new version is stable and the old one scaled down. */
export interface Simulation {
  strategy: 'Canary' | 'BlueGreen';
  replicas: number;
  stepCount: number;
  outcome: 'completed' | 'invalid' | 'stalled';
  message: string;
  stages: SimulatedStage[];
}

const T0 = Date.UTC(2025, 0, 1);
const MAX_TICKS = 2000;
const NEXT_ANNOTATION = 'rollouts.sluice.io/simulated-update';

function labelOf(ro: Readonly<Rollout>, key: string): string {
  if (key === 'before') return 'before update';
  if (key === 'done') return 'promoted';
  const m = /^step:(\d+)$/.exec(key);
  const step = m?.[1] !== undefined ? ro.spec.strategy.canary?.steps?.[Number(m[1])] : undefined;
  if (step !== undefined) return canaryStepString(step);
  return m !== null ? 'all steps complete' : key;
}

function nextTemplate(ro: Readonly<Rollout>): Rollout {
  const t = ro.spec.template ?? { spec: { containers: [] } };
  const annotations = { ...(t.metadata?.annotations ?? {}), [NEXT_ANNOTATION]: 'next' };
  return { ...ro, metadata: { ...ro.metadata, generation: (ro.metadata.generation ?? 1) + 1 }, spec: { ...ro.spec, template: { ...t, metadata: { ...(t.metadata ?? {}), annotations } } } };
}

function initialDeploy(w: SimulationWorld): string | undefined {
  for (let i = 0; i < 200; i++) {
    const plan = w.tick();
    const st = w.rollout.status ?? {};
    const invalid = st.conditions?.find((c) => c.type === 'InvalidSpec');
    if (invalid !== undefined) return invalid.message;
    if (st.phase === 'Healthy' && plan.actions.length === 0 && (st.stableRS ?? '') !== '') return undefined;
  }
  return 'the first deployment did not become Healthy';
}

/** Seconds of the timed pause the Rollout waits on; 0 when only `promote` ends it (indefinite, or no auto-promotion). */
function timedPauseSeconds(ro: Readonly<Rollout>): number {
  if (ro.spec.paused === true) return 0;
  const { canary, blueGreen } = ro.spec.strategy;
  if (blueGreen !== undefined) return blueGreen.autoPromotionEnabled === false ? 0 : blueGreen.autoPromotionSeconds ?? 0;
  const step = canary?.steps?.[ro.status?.currentStepIndex ?? 0];
  return step?.pause === undefined ? 0 : Math.max(0, pauseDurationSeconds(step.pause));
}

function isDone(w: SimulationWorld): boolean {
  const st = w.rollout.status ?? {};
  const oldUp = [...w.rs.values()].some((r: ReplicaSet) => r.metadata.labels?.[POD_TEMPLATE_HASH_LABEL] !== st.currentPodHash && (r.spec.replicas ?? 0) > 0);
  return st.phase === 'Healthy' && st.stableRS === st.currentPodHash && !oldUp && (w.lastPlan?.actions.length ?? 0) === 0;
}

/** Simulates deploying `rollout`, then updating its template. */
export function simulateRollout(rollout: Readonly<Rollout>, inputs: SimulationInputs): Simulation {
  const ro: Rollout = { ...rollout, metadata: { name: 'rollout', namespace: 'default', ...rollout.metadata, uid: 'uid-simulated', generation: 1 } };
  delete ro.status;
  const w = new SimulationWorld(ro, inputs, T0);
  const base = {
    strategy: ro.spec.strategy.blueGreen !== undefined ? 'BlueGreen' as const : 'Canary' as const,
    replicas: ro.spec.replicas ?? 1, stepCount: ro.spec.strategy.canary?.steps?.length ?? 0,
  };
  const invalid = initialDeploy(w);
  if (invalid !== undefined) return { ...base, outcome: 'invalid', message: invalid, stages: [] };
  const deployed = captureFrame(w);
  // Before the update every pod runs the current (then stable) version and gets all the traffic.
  const before: SimulatedStage = {
    key: 'before', phase: deployed.phase, message: deployed.message, canaryReplicas: 0, canaryAvailable: 0,
    stableReplicas: deployed.canaryReplicas, stableAvailable: deployed.canaryAvailable, weight: 0,
    label: 'before update', startSeconds: 0, durationSeconds: 0, analysis: [],
  };
  const stages: SimulatedStage[] = [before];
  w.rollout = nextTemplate(w.rollout);
  const outcome = runUpdate(w, stages);
  return { ...base, outcome, message: outcome === 'completed' ? 'the new version is stable' : 'the update stopped making progress', stages };
}

function runUpdate(w: SimulationWorld, stages: SimulatedStage[]): 'completed' | 'stalled' {
  const startMs = w.nowMs;
  const seenRuns = new Set(w.runs.keys());
  let idle = 0;
  for (let i = 0; i < MAX_TICKS; i++) {
    const before = JSON.stringify(w.rollout.status);
    const plan = w.tick();
    const frame = captureFrame(w);
    const key = stageKeyOf(w);
    let stage = stages[stages.length - 1];
    if (stage === undefined || stage.key !== key) {
      stage = { ...frame, label: labelOf(w.rollout, key), startSeconds: Math.round((w.nowMs - 1000 - startMs) / 1000), durationSeconds: 0, analysis: [] };
      const m = /^step:(\d+)$/.exec(key);
      if (m?.[1] !== undefined) stage.stepIndex = Number(m[1]);
      stages.push(stage);
    } else if (stage.pause === undefined) {
      // A pause stage keeps the paused picture; other stages show where they settled.
      Object.assign(stage, frame);
    }
    for (const [name, run] of w.runs) {
      if (seenRuns.has(name)) continue;
      seenRuns.add(name);
      stage.analysis.push(run.metadata.labels?.[ROLLOUT_TYPE_LABEL] ?? 'analysis');
    }
    if (isDone(w)) return finish(stages, w, startMs, 'completed');
    const paused = w.rollout.status?.phase === 'Paused';
    if (paused) {
      const seconds = timedPauseSeconds(w.rollout);
      stage.pause = seconds > 0 ? 'timed' : 'promote';
      if (seconds > 0) stage.pauseSeconds = seconds;
    }
    if (paused && stage.pause === 'promote') w.patch(promotePatch(w.rollout));
    const quiet = plan.actions.length === 0 && JSON.stringify(w.rollout.status) === before;
    // Nothing moves until the controller's wake-up (pause expiry, scale-down delay): jump there.
    if (!paused && quiet && plan.requeueAfterMs !== undefined) w.nowMs += Math.max(0, plan.requeueAfterMs - 1000);
    else if (paused && stage.pause === 'timed' && plan.requeueAfterMs !== undefined) w.nowMs += Math.max(0, plan.requeueAfterMs - 1000);
    idle = quiet && plan.requeueAfterMs === undefined && !paused ? idle + 1 : 0;
    if (idle >= 5) return finish(stages, w, startMs, 'stalled');
    stage.durationSeconds = Math.round((w.nowMs - startMs) / 1000) - stage.startSeconds;
  }
  return finish(stages, w, startMs, 'stalled');
}

function finish(stages: SimulatedStage[], w: SimulationWorld, startMs: number, outcome: 'completed' | 'stalled'): 'completed' | 'stalled' {
  const last = stages[stages.length - 1];
  if (last !== undefined) last.durationSeconds = Math.max(0, Math.round((w.nowMs - startMs) / 1000) - last.startSeconds);
  return outcome;
}
