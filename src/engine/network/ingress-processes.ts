// Extra processes serving the ingress port, so the ingress uses more than one core (nginx runs one worker per
// core). They share the listening socket with the main process (the kernel spreads connections), get the
// table inputs over IPC as they change, and report their request metrics when /metrics is read. A process
// that dies is started again.
import { fork, type ChildProcess } from 'node:child_process';
import type { Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Ingress } from '../../api/networking-v1.js';
import type { Logger } from '../../lib/log.js';
import type { PoolSettings } from './http1/upstream-pool.js';
import { decodeFromIngressProcess, type ToIngressProcess } from './ingress-ipc.js';
import type { NetworkTables } from './network-tables.js';
import type { ServiceTargets } from './plan/service-targets.js';
import type { ControllerLabels, Series } from './request-metrics.js';

const WORKER = fileURLToPath(new URL(`./ingress-worker.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url));

/** Only loader flags reach the children (`--import tsx` when running from source), not test-runner flags. */
function loaderArgs(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (/^--(import|require|loader|experimental-loader)=/.test(a)) out.push(a);
    else if (/^--(import|require|loader|experimental-loader)$/.test(a) && argv[i + 1] !== undefined) out.push(a, argv[++i] ?? '');
  }
  return out;
}

/** What every ingress process is started with. */
export interface IngressProcessOptions {
  readonly count: number;
  readonly server: Server;
  readonly tables: NetworkTables;
  readonly ingressClass: string;
  readonly pool: PoolSettings;
  readonly controller: ControllerLabels;
  /** Where ssl-redirect sends plain HTTP (undefined: no TLS listener). */
  readonly httpsPort?: number | undefined;
  readonly log: Logger;
}

/** The running ingress processes. */
export class IngressProcesses {
  private readonly children = new Set<ChildProcess>();
  private readonly pendingMetrics = new Map<number, (s: Series[]) => void>();
  private nextId = 1;
  private stopping = false;

  constructor(private readonly o: IngressProcessOptions) {}

  /** Starts the processes (they follow table changes from now on); resolves once each serves. */
  async start(): Promise<void> {
    this.o.tables.subscribe(this);
    await Promise.all(Array.from({ length: this.o.count }, () => this.spawn()));
  }

  onIngresses(items: readonly Ingress[]): void { this.broadcast({ op: 'ingresses', items: [...items] }); }
  onServiceTargets(serviceKey: string, t: ServiceTargets | undefined): void {
    this.broadcast({ op: 'targets', serviceKey, targets: t === undefined ? null : [...t].map(([k, v]) => [k, [...v]]) });
  }
  onConfig(data: Readonly<Record<string, string>> | undefined): void { this.broadcast({ op: 'config', data: data === undefined ? null : { ...data } }); }

  /** Every process's request series (a process that does not answer within 1 s is left out). */
  async metrics(): Promise<Series[][]> {
    return Promise.all([...this.children].map((child) => new Promise<Series[]>((resolve) => {
      const id = this.nextId++;
      const timer = setTimeout(() => { this.pendingMetrics.delete(id); resolve([]); }, 1000);
      this.pendingMetrics.set(id, (s) => { clearTimeout(timer); resolve(s); });
      if (!this.sendTo(child, { op: 'metrics', id })) { clearTimeout(timer); this.pendingMetrics.delete(id); resolve([]); }
    })));
  }

  /** Tells every process to finish its requests (up to `graceMs`) and exit. */
  async stop(graceMs: number): Promise<void> {
    this.stopping = true;
    await Promise.all([...this.children].map((child) => new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) { resolve(); return; }
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs + 2000);
      child.once('exit', () => { clearTimeout(timer); resolve(); });
      if (!this.sendTo(child, { op: 'stop', graceMs })) child.kill('SIGTERM');
    })));
  }

  private spawn(): Promise<void> {
    const child = fork(WORKER, [], { execArgv: loaderArgs(process.execArgv), stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.children.add(child);
    const ready = new Promise<void>((resolve) => {
      child.on('message', (raw: unknown) => {
        const m = decodeFromIngressProcess(raw);
        if (m?.op === 'ready') resolve();
        else if (m?.op === 'metrics') { this.pendingMetrics.get(m.id)?.(m.series); this.pendingMetrics.delete(m.id); }
      });
      child.once('exit', (code, signal) => {
        this.children.delete(child);
        resolve();
        if (this.stopping) return;
        this.o.log.warn('ingress process exited, starting another', { code, signal });
        setTimeout(() => { if (!this.stopping) void this.spawn(); }, 1000).unref();
      });
    });
    const t = this.o.tables;
    child.send({ op: 'init', ingressClass: this.o.ingressClass, pool: this.o.pool, controller: this.o.controller, httpsPort: this.o.httpsPort ?? null } satisfies ToIngressProcess, this.o.server);
    this.sendTo(child, { op: 'ingresses', items: t.ingresses() });
    for (const [key, targets] of t.rotations.entries()) this.onServiceTargetsTo(child, key, targets);
    this.sendTo(child, { op: 'config', data: t.configData === undefined ? null : { ...t.configData } });
    return ready;
  }

  private onServiceTargetsTo(child: ChildProcess, serviceKey: string, t: ServiceTargets): void {
    this.sendTo(child, { op: 'targets', serviceKey, targets: [...t].map(([k, v]) => [k, [...v]]) });
  }

  private broadcast(m: ToIngressProcess): void {
    for (const child of this.children) this.sendTo(child, m);
  }

  private sendTo(child: ChildProcess, m: ToIngressProcess): boolean {
    if (!child.connected) return false;
    child.send(m);
    return true;
  }
}
