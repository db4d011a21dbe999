// `kubectl create <kind>` sends protobuf bodies from kubectl's typed clients. For each generator, the object
// the server stores must hold every field kubectl put in it: the client-side dry run (the same object, printed
// as JSON by kubectl itself) is compared field by field with what `get -o json` returns.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApi, type TestApi } from '../harness/api-harness.js';

let api: TestApi;
before(async () => { api = await startTestApi(); });
after(async () => { await api.close(); });

/** Paths where `want` (kubectl's own object) differs from `got` (the stored one); extra fields in `got` are fine. */
function missing(want: unknown, got: unknown, path = ''): string[] {
  if (want === null) return []; // creationTimestamp: null
  if (Array.isArray(want)) {
    if (!Array.isArray(got) || got.length !== want.length) return [`${path}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`];
    return want.flatMap((w, i) => missing(w, got[i], `${path}[${i}]`));
  }
  if (typeof want === 'object') {
    if (typeof got !== 'object' || got === null) return [`${path}: missing`];
    return Object.entries(want).flatMap(([k, w]) => (path === '' && k === 'status' ? [] : missing(w, Reflect.get(got, k), path === '' ? k : `${path}.${k}`)));
  }
  return want === got ? [] : [`${path}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`];
}

const cases: { name: string; args: string[]; get: string }[] = [
  { name: 'deployment with replicas 0, a port and a command', args: ['deployment', 'web', '--image=argoproj/rollouts-demo:blue', '--replicas=0', '--port=8080', '--', 'sh', '-c', 'echo hi; sleep 9'], get: 'deployment/web' },
  { name: 'deployment with two images', args: ['deployment', 'pair', '--image=argoproj/rollouts-demo:blue', '--image=busybox'], get: 'deployment/pair' },
  { name: 'job with a command', args: ['job', 'once', '--image=busybox', '--', 'sh', '-c', 'exit 0'], get: 'job/once' },
  { name: 'ClusterIP service with named port pair', args: ['service', 'clusterip', 'web', '--tcp=80:8080', '--tcp=443:web-tls'], get: 'service/web' },
  { name: 'headless service', args: ['service', 'clusterip', 'headless', '--clusterip=None', '--tcp=80:80'], get: 'service/headless' },
  { name: 'NodePort service with a fixed node port', args: ['service', 'nodeport', 'np', '--tcp=80:8080', '--node-port=30123'], get: 'service/np' },
  { name: 'ingress with rules, TLS, a class, a default backend and an annotation', args: ['ingress', 'web', '--class=nginx', '--rule=demo.info/=web:80', '--rule=demo.info/api*=api:http,tls=demo-tls', '--default-backend=web:80', '--annotation=nginx.ingress.kubernetes.io/canary=false'], get: 'ingress/web' },
  { name: 'configmap from literals', args: ['configmap', 'settings', '--from-literal=a=1', '--from-literal=empty='], get: 'configmap/settings' },
  { name: 'secret from literals', args: ['secret', 'generic', 'creds', '--from-literal=user=admin', '--from-literal=pass=s3cr3t!', '--type=Opaque'], get: 'secret/creds' },
  { name: 'service account', args: ['serviceaccount', 'robot'], get: 'serviceaccount/robot' },
];

for (const c of cases) {
  test(`kubectl create ${c.name}: every field kubectl sends is stored`, async () => {
    const dash = c.args.includes('--') ? c.args.indexOf('--') : c.args.length;
    const dryRun = [...c.args.slice(0, dash), '--dry-run=client', '-o', 'json', ...c.args.slice(dash)];
    const want: unknown = JSON.parse(await api.k(['create', ...dryRun]));
    assert.match(await api.k(['create', ...c.args]), /created/);
    const got: unknown = JSON.parse(await api.k(['get', c.get, '-o', 'json']));
    assert.deepEqual(missing(want, got), []);
  });
}

test('kubectl create ns (protobuf) and a refused create change nothing', async () => {
  assert.match(await api.k('create ns argo-rollouts'), /namespace\/argo-rollouts created/);
  const bad = await api.kubectl(['create', 'deployment', 'Bad_Name', '--image=x']);
  assert.notEqual(bad.code, 0);
  assert.match(bad.stderr, /metadata\.name/);
  assert.equal((await api.kubectl('get deployment Bad_Name')).code, 1);
});
