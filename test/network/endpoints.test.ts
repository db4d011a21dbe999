// The endpoints controller against the real API server, read back with the real kubectl.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startNetworkTest, type NetworkTest } from '../harness/network-harness.js';
import { eventually } from '../harness/poll.js';
import { deletePod, setPodReady, startSimPod, type SimPod } from '../harness/sim-pods.js';

let t: NetworkTest;
const pods: SimPod[] = [];

before(async () => { t = await startNetworkTest(); });
after(async () => { await t.close(pods); });

interface Ep { subsets?: { addresses?: { ip: string; targetRef?: { kind: string; name: string } }[]; notReadyAddresses?: { ip: string }[]; ports?: { name?: string; port: number }[] }[] }

async function endpoints(name: string): Promise<Ep | undefined> {
  const r = await t.api.kubectl(['get', 'endpoints', name, '-o', 'json']);
  return r.code === 0 ? (JSON.parse(r.stdout) as Ep) : undefined;
}

test('Endpoints follow pods: ready, not ready, terminating, named target ports; kubectl shows them', async () => {
  await t.api.k(['apply', '-f', '-'], `
apiVersion: v1
kind: Service
metadata: {name: named, labels: {tier: web}}
spec: {selector: {app: named}, ports: [{name: web, port: 80, targetPort: http}]}
`);
  await eventually(async () => (await endpoints('named')) !== undefined, 'empty Endpoints created');
  for (let i = 0; i < 3; i++) pods.push(await startSimPod(t.client, { name: `named-${i}`, labels: { app: 'named' }, ip: `127.1.247.${10 + i}`, colour: 'x' }));
  const [a, b, c] = pods;
  assert.ok(a && b && c);
  await eventually(async () => (await endpoints('named'))?.subsets?.[0]?.addresses?.length === 3, 'three ready addresses');
  const ep = await endpoints('named');
  assert.deepEqual(ep?.subsets?.[0]?.ports, [{ name: 'web', port: 8080, protocol: 'TCP' }]);
  assert.deepEqual(ep?.subsets?.[0]?.addresses?.map((x) => [x.ip, x.targetRef?.kind, x.targetRef?.name]), [
    ['127.1.247.10', 'Pod', 'named-0'], ['127.1.247.11', 'Pod', 'named-1'], ['127.1.247.12', 'Pod', 'named-2'],
  ]);
  assert.match(await t.api.k(['get', 'endpoints', 'named']), /named\s+127\.1\.247\.10:8080,127\.1\.247\.11:8080,127\.1\.247\.12:8080/);

  await setPodReady(t.client, b, false);
  await deletePod(t.client, c);
  await eventually(async () => {
    const s = (await endpoints('named'))?.subsets?.[0];
    return s?.addresses?.length === 1 && s.notReadyAddresses?.length === 1 && s.notReadyAddresses[0]?.ip === '127.1.247.11';
  }, 'b not ready, c terminating (gone)');
  assert.match(await t.api.k(['get', 'endpoints', 'named', '-o', 'jsonpath={.metadata.labels.tier}']), /^web$/);

  await t.api.k(['delete', 'service', 'named']);
  await eventually(async () => (await endpoints('named')) === undefined, 'Endpoints deleted with the Service');
});
