// What the embedded kubelet runs for Argo Rollouts' own controller image (`quay.io/argoproj/argo-rollouts`), so
// the chapter's `kubectl apply -n argo-rollouts -f …/install.yaml` ends with a Running, Ready pod: the Sluice
// runtime already runs its Rollouts controller in-process, and a second controller would fight it. The
// stand-in answers the manifest's probes — /healthz on the `healthz` port (8080) and /metrics on the `metrics`
// port (8090) — says so in its log, and exits on SIGTERM.
import { createServer, type Server } from 'node:http';

const METRICS = [
  '# HELP sluice_argo_rollouts_standin 1: the Rollouts controller runs inside the Sluice runtime; this pod stands in for it.',
  '# TYPE sluice_argo_rollouts_standin gauge',
  'sluice_argo_rollouts_standin 1',
  '',
].join('\n');

function listen(host: string, port: number, path: string, body: string, type: string): Promise<Server> {
  const server = createServer((req, res) => {
    const ok = (req.url ?? '').split('?')[0] === path;
    res.writeHead(ok ? 200 : 404, { 'content-type': ok ? type : 'text/plain' });
    res.end(ok ? body : 'not found\n');
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port }, () => resolve(server));
  });
}

/** Serves the probes until SIGTERM or SIGINT; resolves with the exit code. */
export async function runControllerStandin(env: Readonly<Record<string, string | undefined>>): Promise<number> {
  const host = env['POD_IP']?.trim() || '0.0.0.0';
  let servers: Server[];
  try {
    servers = await Promise.all([listen(host, 8080, '/healthz', 'ok\n', 'text/plain'), listen(host, 8090, '/metrics', METRICS, 'text/plain; version=0.0.4')]);
  } catch (e) {
    process.stderr.write(`Cannot start the argo-rollouts stand-in: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  process.stdout.write(`argo-rollouts stand-in (${env['SLUICE_DEMO_IMAGE'] ?? 'argoproj/argo-rollouts'}): the Sluice runtime runs the Rollouts `
    + `controller itself; this pod only answers /healthz on ${host}:8080 and /metrics on ${host}:8090\n`);
  await new Promise<void>((resolve) => { process.once('SIGTERM', () => resolve()); process.once('SIGINT', () => resolve()); });
  await Promise.all(servers.map((s) => new Promise<void>((done) => { s.close(() => done()); s.closeAllConnections(); })));
  process.stdout.write('stopped\n');
  return 0;
}
