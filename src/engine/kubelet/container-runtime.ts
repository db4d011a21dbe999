// Starts and stops container processes for the kubelet and keeps the container records current: an
// instance per run, its log file (this run and the previous one are kept), its prober, and what happened
// when it exited. Every change is reported through `notify` so the pod is reconciled again.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Container } from '../../api/core-v1.js';
import type { Timers } from '../../control/timers.js';
import type { Clock } from '../../lib/clock.js';
import { spawnContainer, type ExitInfo } from './container-process.js';
import { ContainerProber, type ProberSpec } from './container-prober.js';
import { LogWriter } from './log-file.js';
import { computeCrashCount } from './plan/crash-backoff.js';
import { emptyContainerView } from './plan/plan-container.js';
import type { ProbeKind } from './plan/probe-state.js';
import type { BackoffPolicy, InstanceView, KillReason, RunSpec } from './plan/types.js';
import { checkExec, checkHttp, type ProbeTarget } from './probe-check.js';
import { MARKER_ENV, type ProcessTable } from './process-table.js';
import { logPath, type ContainerRecord, type PodRecord } from './pod-registry.js';
import { sleep } from '../../control/timers.js';

/** What the runtime needs from the kubelet. */
export interface RuntimeDeps {
  readonly clock: Clock;
  readonly timers: Timers;
  readonly setpriv: string | undefined;
  readonly marker: string;
  readonly table: ProcessTable;
  readonly maxLogBytes: number;
  readonly backoff: BackoffPolicy;
  /** Something about this pod's containers changed. */
  notify(record: PodRecord): void;
  /** A probe attempt failed. */
  unhealthy(record: PodRecord, container: string, kind: ProbeKind, message: string): void;
}

const HOST_ENV_PASSTHROUGH = ['LANG', 'LC_ALL', 'TZ', 'TMPDIR'];

/** The host basics a process needs (PATH, HOME = its working directory); nothing else leaks from the host. */
export function hostEnv(cwd: string): Record<string, string> {
  const env: Record<string, string> = { PATH: process.env['PATH'] ?? '/usr/local/bin:/usr/bin:/bin', HOME: cwd };
  for (const k of HOST_ENV_PASSTHROUGH) {
    const v = process.env[k];
    if (v !== undefined) env[k] = v;
  }
  return env;
}

const NO_PROBES = { started: false, ready: false, livenessFailed: false, startupFailed: false } as const;

/** Runs container processes for pod records. */
export class ProcessRuntime {
  constructor(private readonly deps: RuntimeDeps) {}

  /** Starts one instance of a container (the plan decided it may run now). */
  start(record: PodRecord, spec: Readonly<Container>, restartCount: number, run: RunSpec, podIP: string): void {
    const c = record.containers.get(spec.name) ?? { ...emptyContainerView(spec.name), probes: { ...NO_PROBES } };
    record.containers.set(spec.name, c);
    if (c.current?.finishedAtMs !== undefined) c.last = c.current;
    const instance: InstanceView = {
      containerID: `sluice://${randomBytes(32).toString('hex')}`, imageID: run.imageID, restartCount, startedAtMs: this.deps.clock.now(),
    };
    c.current = instance;
    c.restartCount = restartCount;
    delete c.startFailure;
    delete c.killing;
    const cwd = join(record.dir, 'root');
    mkdirSync(cwd, { recursive: true });
    this.pruneLogs(record, c);
    const log = new LogWriter(logPath(record, spec.name, restartCount), this.deps.maxLogBytes, this.deps.clock);
    c.log = log;
    const env = { ...hostEnv(cwd), ...run.env, [MARKER_ENV]: this.deps.marker };
    const proc = spawnContainer({ argv: run.argv, env, cwd, onOutput: (s, d) => log.write(s, d) }, this.deps.setpriv, this.deps.timers);
    c.process = proc;
    if (proc.pid !== undefined) this.deps.table.add({ pid: proc.pid, pod: record.key, uid: record.uid, container: spec.name, restartCount });
    const target: ProbeTarget = { podIP, ports: spec.ports ?? [], env, cwd };
    const prober = new ContainerProber({ ...probesOf(spec), ...(run.readinessGatePort !== undefined ? { gatePort: run.readinessGatePort } : {}), target }, {
      onChange: () => { if (c.current === instance) { c.probes = prober.results(); this.deps.notify(record); } },
      onFailure: (kind, message) => this.deps.unhealthy(record, spec.name, kind, message),
    }, this.deps.timers);
    c.prober = prober;
    c.probes = prober.results();
    void proc.exited.then((exit) => this.onExit(record, c, instance, exit, proc.pid));
  }

  /** Stops a running container: readiness off, preStop, SIGTERM, SIGKILL after `graceMs`. */
  kill(record: PodRecord, spec: Readonly<Container>, reason: KillReason, graceMs: number): void {
    const c = record.containers.get(spec.name);
    if (c?.process === undefined || c.current?.finishedAtMs !== undefined) return;
    c.killing = reason;
    c.prober?.stop();
    c.probes = { ...c.probes, ready: false };
    const preStop = spec.lifecycle?.preStop;
    const target: ProbeTarget = { podIP: record.podIP ?? '127.0.0.1', ports: spec.ports ?? [], env: hostEnv(join(record.dir, 'root')), cwd: join(record.dir, 'root') };
    const hook = preStop === undefined ? undefined : async (timeoutMs: number): Promise<void> => {
      if (preStop.exec?.command !== undefined) await checkExec(preStop.exec.command, target, timeoutMs);
      else if (preStop.httpGet !== undefined) await checkHttp(preStop.httpGet, target, timeoutMs);
      else if (preStop.sleep !== undefined) await sleep(this.deps.timers, Math.min(timeoutMs, preStop.sleep.seconds * 1000));
    };
    void c.process.terminate(graceMs, hook);
  }

  /** Terminates every process of every record (SIGKILL after `graceMs`) and waits for them to exit. */
  async stopAll(records: readonly PodRecord[], graceMs: number): Promise<void> {
    const waits: Promise<unknown>[] = [];
    for (const r of records) {
      for (const c of r.containers.values()) {
        c.prober?.stop();
        if (c.process !== undefined && c.current?.finishedAtMs === undefined) waits.push(c.process.terminate(graceMs));
      }
    }
    await Promise.all(waits);
  }

  private onExit(record: PodRecord, c: ContainerRecord, instance: InstanceView, exit: ExitInfo, pid: number | undefined): void {
    if (pid !== undefined) this.deps.table.remove(pid);
    if (c.current !== instance) return;
    const nowMs = this.deps.clock.now();
    c.prober?.stop();
    c.log?.end();
    const failed = exit.error !== undefined ? { reason: 'StartError', message: exit.error } : {};
    c.current = { ...instance, finishedAtMs: nowMs, exitCode: exit.exitCode, ...failed };
    c.crashes = computeCrashCount(c.crashes, nowMs - instance.startedAtMs, this.deps.backoff);
    c.probes = { ...NO_PROBES };
    delete c.killing;
    delete c.process;
    delete c.prober;
    this.deps.notify(record);
  }

  /** Keeps the log files of the current and the previous instance only. */
  private pruneLogs(record: PodRecord, c: ContainerRecord): void {
    const dir = join(record.dir, 'logs', c.name);
    const keep = new Set([c.current?.restartCount, c.last?.restartCount].filter((n) => n !== undefined).map((n) => `${n}.log`));
    let files: string[];
    try { files = readdirSync(dir); } catch { return; }
    for (const f of files) if (!keep.has(f)) rmSync(join(dir, f), { force: true });
  }
}

function probesOf(spec: Readonly<Container>): Pick<ProberSpec, 'readiness' | 'liveness' | 'startup'> {
  return {
    ...(spec.readinessProbe !== undefined ? { readiness: spec.readinessProbe } : {}),
    ...(spec.livenessProbe !== undefined ? { liveness: spec.livenessProbe } : {}),
    ...(spec.startupProbe !== undefined ? { startup: spec.startupProbe } : {}),
  };
}
