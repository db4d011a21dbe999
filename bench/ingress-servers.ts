// Bench server processes. `backend <colour>`: a minimal keep-alive HTTP server answering `"<colour>"`, like the
// demo app's /color. `sluice <main host:port> <canary host:port> [processes]`: the embedded API server plus the Sluice
// network, with Services (without selector) and Endpoints pointing at the backends, the chapter's demo-ingress
// and a canary Ingress at weight 10. Each prints one JSON line with its port.
import http from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { R } from '../src/api/resources.js';
import { RestClient } from '../src/control/rest-client.js';
import { ApiServer } from '../src/engine/apiserver/api-server.js';
import { builtinHooks } from '../src/engine/apiserver/builtin-hooks.js';
import { crdHooks } from '../src/engine/apiserver/crd-hooks.js';
import { storeAllocator } from '../src/engine/apiserver/service-allocator.js';
import { startNetwork } from '../src/engine/network/index.js';
import { SqliteStore } from '../src/engine/store/sqlite-store.js';
import { configureLogging } from '../src/lib/log.js';
import { request } from 'undici';

const [mode, a, b, processes] = process.argv.slice(2);
configureLogging('warn');

function backend(colour: string): void {
  const body = JSON.stringify(colour);
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
  server.keepAliveTimeout = 65_000;
  server.listen(0, '127.0.0.1', () => {
    const addr = server.address();
    process.stdout.write(`${JSON.stringify({ port: typeof addr === 'object' && addr ? addr.port : 0 })}\n`);
  });
}

function objects(name: string, target: string, canaryWeight?: number): Record<string, unknown>[] {
  const [ip, port] = target.split(':');
  const annotations = canaryWeight === undefined ? {} : { 'nginx.ingress.kubernetes.io/canary': 'true', 'nginx.ingress.kubernetes.io/canary-weight': String(canaryWeight) };
  return [
    { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { ports: [{ port: 80, targetPort: Number(port) }] } },
    { apiVersion: 'v1', kind: 'Endpoints', metadata: { name, namespace: 'default' }, subsets: [{ addresses: [{ ip }], ports: [{ port: Number(port) }] }] },
    {
      apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: `${name}-ingress`, namespace: 'default', annotations },
      spec: { rules: [{ host: 'demo.info', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name, port: { number: 80 } } } }] } }] },
    },
  ];
}

async function sluice(main: string, canary: string, ingressProcesses: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-bench-ingress-'));
  const store = new SqliteStore({ path: join(dir, 'state.db') });
  const alloc = storeAllocator(store);
  const api = new ApiServer({ store, builtinHooks: (d) => builtinHooks(d, alloc), crdHooks });
  const client = new RestClient(api.transport());
  const kinds = { Service: R.services, Endpoints: R.endpoints, Ingress: R.ingresses } as const;
  for (const o of [...objects('main', main), ...objects('canary', canary, 10)]) {
    const kind = o['kind'];
    if (kind === 'Service' || kind === 'Endpoints' || kind === 'Ingress') await client.create(kinds[kind], { apiVersion: String(o['apiVersion']), kind, metadata: {}, ...o });
  }
  const net = await startNetwork({ client, ingressPort: 0, host: '127.0.0.1', serviceProxies: false, ingressProcesses });
  for (let i = 0; i < 200; i++) {
    const res = await request(`http://127.0.0.1:${net.ingressPort}/color`, { headers: { host: 'demo.info' } }).catch(() => undefined);
    await res?.body.text();
    if (res?.statusCode === 200) break;
    await new Promise((r) => setTimeout(r, 25));
  }
  process.stdout.write(`${JSON.stringify({ port: net.ingressPort })}\n`);
}

if (mode === 'backend') backend(a ?? 'blue');
else await sluice(a ?? '', b ?? '', Number(processes ?? '1'));
process.on('SIGTERM', () => process.exit(0));
