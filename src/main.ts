#!/usr/bin/env node
// The `sluice` command: wires the CLI commands, the embedded runtime (`up`) and the cluster-mode controller.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { availableParallelism, homedir } from 'node:os';
import { Command, InvalidArgumentError } from 'commander';
import { isApiError } from './api/api-error.js';
import { clientFromKubeconfig } from './control/client-from-kubeconfig.js';
import { defaultDataDir, startRuntime } from './engine/server.js';
import { registerCliCommands } from './cli/program.js';
import { startDashboard } from './dashboard/server.js';
import { describeKubeconfig, resolveKubeconfig } from './cli/kubeconfig-path.js';
import { createPki } from './engine/apiserver/tls-certs.js';
import { runControllerProcess } from './rollouts/controller/controller-process.js';

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('must be a port number between 0 and 65535');
  return n;
}

function loopbackIp(value: string): string {
  const parts = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(value);
  if (!parts || parts.slice(1).some((p) => Number(p) > 255)) throw new InvalidArgumentError('must be a loopback IPv4 address such as 127.1.0.1');
  return value;
}

function loopbackPrefix(value: string): string {
  const parts = /^127\.(\d{1,3})\.$/.exec(value);
  if (!parts || Number(parts[1]) > 255) throw new InvalidArgumentError('must be a loopback /16 prefix such as 127.96.');
  return value;
}

interface UpOptions {
  dataDir: string; port: number; ingressPort: number; metricsPort: number; ingressProcesses: number; rolloutsController: boolean;
  ingressTlsPort: number; ingressTls: boolean; dashboardPort: number; dashboard: boolean;
  firstPodIp?: string; serviceIpPrefix?: string;
}

function upCommand(): Command {
  return new Command('up')
    .description('start the embedded single-machine Kubernetes runtime and the rollouts controller')
    .option('--data-dir <dir>', 'where state, certificates and the kubeconfig live', defaultDataDir())
    .option('--port <port>', 'API server port on 127.0.0.1', port, 6443)
    .option('--ingress-port <port>', 'ingress (ingress-nginx compatible) port on 127.0.0.1', port, 8080)
    .option('--metrics-port <port>', 'ingress request metrics port (Prometheus text)', port, 10254)
    .option('--ingress-tls-port <port>', 'ingress HTTPS port on 127.0.0.1 (certificates from the Ingresses\' TLS Secrets)', port, 8443)
    .option('--no-ingress-tls', 'no HTTPS listener for the ingress')
    .option('--ingress-processes <n>', 'ingress processes sharing the ingress port', (v) => Math.max(1, Number.parseInt(v, 10) || 1), Math.min(2, availableParallelism()))
    .option('--first-pod-ip <ip>', 'first loopback address handed to pods (127.x.y.z)', loopbackIp)
    .option('--service-ip-prefix <prefix>', 'loopback /16 for Service cluster IPs, e.g. 127.96.', loopbackPrefix)
    .option('--dashboard-port <port>', 'dashboard port on 127.0.0.1 (HTTPS with the runtime certificate)', port, 3100)
    .option('--no-dashboard', 'do not serve the dashboard')
    .option('--no-rollouts-controller', 'do not run the rollouts controller in-process (run `sluice controller` instead)')
    .action(async (o: UpOptions) => {
      const runtime = await startRuntime({
        dataDir: o.dataDir, host: '127.0.0.1', apiPort: o.port, ingressPort: o.ingressPort, metricsPort: o.metricsPort,
        ingressProcesses: o.ingressProcesses, rolloutsController: o.rolloutsController,
        ...(o.ingressTls ? { ingressTlsPort: o.ingressTlsPort } : {}),
        ...(o.firstPodIp === undefined ? {} : { firstPodIP: o.firstPodIp }),
        ...(o.serviceIpPrefix === undefined ? {} : { clusterIPPrefix: o.serviceIpPrefix }),
      });
      const dashboard = o.dashboard
        ? await startDashboard({ client: runtime.client, host: '127.0.0.1', port: o.dashboardPort, token: runtime.pki.token, tls: { certPem: runtime.pki.certPem, keyPem: runtime.pki.keyPem } })
          .catch(async (e: unknown) => {
            await runtime.stop();
            throw new Error(`the dashboard cannot listen on 127.0.0.1:${o.dashboardPort} (${e instanceof Error ? e.message : String(e)}); choose --dashboard-port or --no-dashboard`);
          })
        : undefined;
      process.stdout.write([
        `Sluice is running. Kubernetes API: ${runtime.apiUrl}`,
        ...(dashboard === undefined ? [] : [`Dashboard: ${dashboard.url}#token=${runtime.pki.token} (certificate signed by ${o.dataDir}/pki/ca.crt)`]),
        `Ingress: http://127.0.0.1:${runtime.ingressPort} (send the Host header of your Ingress rules, e.g. curl -H 'Host: demo.info' http://127.0.0.1:${runtime.ingressPort}/)`,
        ...(runtime.ingressTlsPort === undefined ? [] : [`Ingress HTTPS: https://127.0.0.1:${runtime.ingressTlsPort} (Ingress spec.tls Secrets by SNI; other hosts get a certificate signed by ${o.dataDir}/pki/ca.crt)`]),
        `Ingress metrics: http://127.0.0.1:${runtime.metricsPort ?? o.metricsPort}/metrics`,
        '',
        'Use it with kubectl:',
        `  export KUBECONFIG=${runtime.kubeconfig}`,
        '  kubectl get ns',
        '',
        'Press Ctrl-C to stop (state is kept in the data directory).',
        '',
      ].join('\n'));
      const shutdown = (): void => { (dashboard?.close() ?? Promise.resolve()).then(() => runtime.stop()).then(() => process.exit(0), () => process.exit(1)); };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    });
}

function controllerCommand(): Command {
  return new Command('controller')
    .description('run the rollouts controller against any Kubernetes API server (cluster mode)')
    .option('--kubeconfig <path>', 'kubeconfig file (default: $KUBECONFIG, ~/.kube/config, then in-cluster)')
    .option('--context <name>', 'kubeconfig context')
    .option('--namespace <ns>', 'only manage rollouts in this namespace (default: all namespaces)')
    .option('--instance-id <id>', 'only manage rollouts labelled argo-rollouts.argoproj.io/controller-instance-id=<id>')
    .option('--leader-elect <bool>', 'hold a Lease so only one replica acts', (v) => v !== 'false', true)
    .option('--lease-namespace <ns>', 'namespace of the leader-election Lease', process.env['POD_NAMESPACE'] ?? 'default')
    .option('--metrics-port <port>', 'health and metrics port', port, 8090)
    .option('--metrics-host <host>', 'health and metrics address', '127.0.0.1')
    .action(async (_opts: unknown, cmd: Command) => {
      // --kubeconfig, --context and --namespace are also global CLI flags: read them with the globals.
      const o = cmd.optsWithGlobals<{ kubeconfig?: string; context?: string; namespace?: string; instanceId?: string; leaderElect: boolean; leaseNamespace: string; metricsPort: number; metricsHost: string }>();
      const kc = clientFromKubeconfig({ ...(o.kubeconfig ? { path: o.kubeconfig } : {}), ...(o.context ? { context: o.context } : {}) });
      const abort = new AbortController();
      process.once('SIGINT', () => abort.abort());
      process.once('SIGTERM', () => abort.abort());
      process.stdout.write(`Sluice rollouts controller: API ${kc.server}\n`);
      await runControllerProcess({
        client: kc.client, leaderElect: o.leaderElect, leaseNamespace: o.leaseNamespace, metricsHost: o.metricsHost, metricsPort: o.metricsPort,
        ...(o.namespace ? { namespace: o.namespace } : {}), ...(o.instanceId ? { instanceId: o.instanceId } : {}),
      }, abort.signal);
      kc.close();
    });
}

/** Builds the program (exported for tests). */
function dashboardCommand(): Command {
  return new Command('dashboard')
    .description('serve the web dashboard for the Rollouts of any cluster (HTTPS; actions need the printed token)')
    .option('--kubeconfig <path>', 'kubeconfig file (default: $KUBECONFIG, ~/.sluice/kubeconfig, ~/.kube/config)')
    .option('--context <name>', 'kubeconfig context')
    .option('--namespace <ns>', 'only this namespace\'s Rollouts (default: all namespaces)')
    .option('--port <port>', 'port to listen on', port, 3100)
    .option('--address <host>', 'address to listen on', '127.0.0.1')
    .option('--tls-cert <file>', 'certificate (PEM) to serve; default: a self-signed one made at start')
    .option('--tls-key <file>', 'private key (PEM) of --tls-cert')
    .action(async (_opts: unknown, cmd: Command) => {
      const o = cmd.optsWithGlobals<{ kubeconfig?: string; context?: string; namespace?: string; port: number; address: string; tlsCert?: string; tlsKey?: string }>();
      if ((o.tlsCert === undefined) !== (o.tlsKey === undefined)) throw new InvalidArgumentError('--tls-cert and --tls-key go together');
      const choice = resolveKubeconfig(o.kubeconfig, process.env, homedir());
      const kc = clientFromKubeconfig({ path: choice.path, ...(o.context ? { context: o.context } : {}) });
      const tls = o.tlsCert !== undefined && o.tlsKey !== undefined
        ? { certPem: readFileSync(o.tlsCert, 'utf8'), keyPem: readFileSync(o.tlsKey, 'utf8') }
        : createPki([o.address, 'localhost'], Date.now());
      const token = randomBytes(24).toString('hex');
      const dashboard = await startDashboard({ client: kc.client, host: o.address, port: o.port, token, tls, ...(o.namespace ? { namespace: o.namespace } : {}) });
      process.stdout.write(`Sluice dashboard for ${kc.server} (kubeconfig ${describeKubeconfig(choice)}):\n  ${dashboard.url}#token=${token}\n`
        + (o.tlsCert === undefined ? '  (a self-signed certificate: your browser will ask you to accept it)\n' : ''));
      const shutdown = (): void => { dashboard.close().then(() => { kc.close(); process.exit(0); }, () => process.exit(1)); };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    });
}

export function program(): Command {
  const p = new Command('sluice')
    .description('Progressive delivery for Kubernetes: Argo Rollouts–compatible controller, embedded runtime, CLI and dashboard')
    .showHelpAfterError();
  p.addCommand(upCommand());
  registerCliCommands(p);
  p.addCommand(controllerCommand());
  p.addCommand(dashboardCommand());
  return p;
}

program().parseAsync(process.argv).catch((e: unknown) => {
  const message = isApiError(e) ? `Error from server (${e.reason}): ${e.message}` : e instanceof Error ? e.message : String(e);
  process.stderr.write(`error: ${message}\n`);
  process.exit(1);
});
