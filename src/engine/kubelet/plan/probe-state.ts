// Probe thresholds as the kubelet's probe workers apply them: a result only flips after
// `successThreshold` consecutive successes or `failureThreshold` consecutive failures.
import type { Probe } from '../../../api/core-v1.js';

/** Which probe. */
export type ProbeKind = 'readiness' | 'liveness' | 'startup';

/** A probe's current verdict and the run of identical outcomes that led to it. */
export interface ProbeState {
  readonly result: 'success' | 'failure' | 'unknown';
  readonly lastOutcome?: 'success' | 'failure';
  readonly run: number;
}

/** Probe timing in milliseconds with Kubernetes' defaults (period 10 s, timeout 1 s, success 1, failure 3). */
export interface ProbeTiming {
  readonly initialDelayMs: number;
  readonly periodMs: number;
  readonly timeoutMs: number;
  readonly successThreshold: number;
  readonly failureThreshold: number;
}

/** Before any probe ran: not ready, alive, not yet started. */
export function initialProbeState(kind: ProbeKind): ProbeState {
  return { result: kind === 'readiness' ? 'failure' : kind === 'liveness' ? 'success' : 'unknown', run: 0 };
}

/**
 * The state after one outcome. Example (failureThreshold 3): success, then failure, failure → still
 * success; a third failure → failure.
 */
export function nextProbeState(s: ProbeState, outcome: 'success' | 'failure', t: Pick<ProbeTiming, 'successThreshold' | 'failureThreshold'>): ProbeState {
  const run = s.lastOutcome === outcome ? s.run + 1 : 1;
  const threshold = outcome === 'success' ? t.successThreshold : t.failureThreshold;
  return { result: run >= threshold ? outcome : s.result, lastOutcome: outcome, run };
}

/** Timing of a probe spec; liveness and startup probes always need a single success. */
export function computeProbeTiming(p: Readonly<Probe>, kind: ProbeKind): ProbeTiming {
  const positive = (v: number | undefined, d: number): number => (v !== undefined && v > 0 ? v : d);
  return {
    initialDelayMs: Math.max(0, p.initialDelaySeconds ?? 0) * 1000,
    periodMs: positive(p.periodSeconds, 10) * 1000,
    timeoutMs: positive(p.timeoutSeconds, 1) * 1000,
    successThreshold: kind === 'readiness' ? positive(p.successThreshold, 1) : 1,
    failureThreshold: positive(p.failureThreshold, 3),
  };
}
