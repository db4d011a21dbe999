// The controller's health and metrics endpoints (`/healthz`, `/metrics` in Prometheus text format).
import { createServer, type Server } from 'node:http';
import type { RunningController } from '../../control/controller.js';

/** Prometheus text for controller counters. */
export function controllerMetricsText(controllers: readonly RunningController[], leader: boolean): string {
  const lines = [
    '# HELP sluice_controller_reconciles_total Reconciles started, by controller.',
    '# TYPE sluice_controller_reconciles_total counter',
    ...controllers.map((c) => `sluice_controller_reconciles_total{controller="${c.name}"} ${c.metrics.reconciles}`),
    '# HELP sluice_controller_reconcile_errors_total Reconciles that failed, by controller.',
    '# TYPE sluice_controller_reconcile_errors_total counter',
    ...controllers.map((c) => `sluice_controller_reconcile_errors_total{controller="${c.name}"} ${c.metrics.errors}`),
    '# HELP sluice_controller_reconcile_seconds_sum Time spent reconciling, by controller.',
    '# TYPE sluice_controller_reconcile_seconds_sum counter',
    ...controllers.map((c) => `sluice_controller_reconcile_seconds_sum{controller="${c.name}"} ${c.metrics.durationMsSum / 1000}`),
    '# HELP sluice_controller_leader 1 when this process holds the leader lease.',
    '# TYPE sluice_controller_leader gauge',
    `sluice_controller_leader ${leader ? 1 : 0}`,
  ];
  return `${lines.join('\n')}\n`;
}

/** Serves /healthz and /metrics on host:port; `state()` supplies the current controllers and leadership. */
export function startHealthServer(host: string, port: number, state: () => { controllers: readonly RunningController[]; leader: boolean }): Promise<{ port: number; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    if (req.url === '/healthz' || req.url === '/readyz') { res.writeHead(200, { 'content-type': 'text/plain' }); res.end('ok'); return; }
    if (req.url === '/metrics') {
      const s = state();
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
      res.end(controllerMetricsText(s.controllers, s.leader));
      return;
    }
    res.writeHead(404); res.end();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const addr = server.address();
      resolve({ port: typeof addr === 'object' && addr ? addr.port : port, close: () => new Promise((d) => server.close(() => d())) });
    });
  });
}
