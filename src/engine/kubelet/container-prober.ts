// Runs a container instance's probes on timers: the startup probe first (until it succeeds), then
// readiness and liveness every period. Demo containers without a readiness probe get a built-in gate
// instead: they turn ready once their port accepts TCP connections (checked every 100 ms), so "Ready"
// never precedes the listening socket. Result changes are reported through `onChange`.
import type { Probe } from '../../api/core-v1.js';
import type { Timers } from '../../control/timers.js';
import { computeProbeTiming, initialProbeState, nextProbeState, type ProbeKind, type ProbeState } from './plan/probe-state.js';
import type { ProbeResults } from './plan/types.js';
import { checkTcp, runProbeCheck, type ProbeTarget } from './probe-check.js';

/** Probe period of the demo readiness gate. */
export const GATE_PERIOD_MS = 100;

/** The probes of one container instance. */
export interface ProberSpec {
  readonly readiness?: Probe;
  readonly liveness?: Probe;
  readonly startup?: Probe;
  /** Demo images without a readiness probe: ready once this port accepts connections. */
  readonly gatePort?: number;
  readonly target: ProbeTarget;
}

/** Callbacks of a prober. */
export interface ProberEvents {
  /** The results changed (ready, started, liveness or startup verdict). */
  onChange(): void;
  /** One probe attempt failed (for the Unhealthy event). */
  onFailure(kind: ProbeKind, message: string): void;
}

/** Probes of one running container instance; stop it when the instance ends. */
export class ContainerProber {
  private readonly states: Record<ProbeKind, ProbeState> = {
    readiness: initialProbeState('readiness'), liveness: initialProbeState('liveness'), startup: initialProbeState('startup'),
  };
  private readonly cancels = new Set<() => void>();
  private gatePassed = false;
  private stopped = false;

  constructor(private readonly spec: ProberSpec, private readonly events: ProberEvents, private readonly timers: Timers) {
    if (spec.startup !== undefined) this.loop('startup', spec.startup);
    else this.startMain();
  }

  /** Current verdicts, as the plan reads them. */
  results(): ProbeResults {
    const s = this.spec;
    const started = s.startup === undefined || this.states.startup.result === 'success';
    const readyByProbe = s.readiness !== undefined ? this.states.readiness.result === 'success' : s.gatePort === undefined || this.gatePassed;
    return {
      started, ready: started && readyByProbe,
      livenessFailed: s.liveness !== undefined && this.states.liveness.result === 'failure',
      startupFailed: s.startup !== undefined && this.states.startup.result === 'failure',
    };
  }

  /** Stops every timer; results stay readable. */
  stop(): void {
    this.stopped = true;
    for (const c of this.cancels) c();
    this.cancels.clear();
  }

  private startMain(): void {
    if (this.spec.readiness !== undefined) this.loop('readiness', this.spec.readiness);
    else if (this.spec.gatePort !== undefined) this.gate(this.spec.gatePort);
    if (this.spec.liveness !== undefined) this.loop('liveness', this.spec.liveness);
  }

  private schedule(delayMs: number, fn: () => void): void {
    if (this.stopped) return;
    const cancel = this.timers.setTimer(delayMs, () => { this.cancels.delete(cancel); fn(); });
    this.cancels.add(cancel);
  }

  private loop(kind: ProbeKind, probe: Probe): void {
    const timing = computeProbeTiming(probe, kind);
    const tick = async (): Promise<void> => {
      const r = await runProbeCheck(probe, this.spec.target, timing.timeoutMs);
      if (this.stopped) return;
      const before = JSON.stringify(this.results());
      this.states[kind] = nextProbeState(this.states[kind], r.ok ? 'success' : 'failure', timing);
      if (!r.ok) this.events.onFailure(kind, r.message);
      const startupDone = kind === 'startup' && this.states.startup.result === 'success';
      if (startupDone) this.startMain();
      if (JSON.stringify(this.results()) !== before) this.events.onChange();
      if (!startupDone) this.schedule(timing.periodMs, () => void tick());
    };
    this.schedule(timing.initialDelayMs, () => void tick());
  }

  private gate(port: number): void {
    const tick = async (): Promise<void> => {
      const r = await checkTcp(this.spec.target.podIP, port, 1000);
      if (this.stopped) return;
      if (!r.ok) { this.schedule(GATE_PERIOD_MS, () => void tick()); return; }
      this.gatePassed = true;
      this.events.onChange();
    };
    this.schedule(0, () => void tick());
  }
}
