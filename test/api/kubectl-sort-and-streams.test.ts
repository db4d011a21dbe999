// `kubectl get --sort-by` (Tables with whole row objects, ?includeObject=Object) and the pod subresources the
// embedded runtime cannot offer (exec, attach, port-forward) answering with a message that says what to do, and
// kubectl auth can-i / whoami.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApi, type TestApi } from '../harness/api-harness.js';

let api: TestApi;
before(async () => { api = await startTestApi(); });
after(async () => { await api.close(); });

test('kubectl get --sort-by sorts by any field, also across namespaces', async () => {
  await api.k('create ns other');
  for (const [ns, name, v] of [['default', 'bravo', '3'], ['other', 'alpha', '1'], ['default', 'charlie', '2']] as const) {
    await api.k(['create', 'configmap', name, '-n', ns, `--from-literal=order=${v}`]);
  }
  const byName = await api.k(['get', 'cm', '-A', '--sort-by=.metadata.name', '--no-headers', '-o', 'custom-columns=N:.metadata.name']);
  assert.deepEqual(byName.trim().split('\n').filter((n) => n !== 'kube-root-ca.crt'), ['alpha', 'bravo', 'charlie']);
  const byData = await api.k(['get', 'cm', '-A', '--sort-by=.data.order', '-l', '!nope']);
  assert.match(byData, /^NAMESPACE\s+NAME\s+DATA\s+AGE\n/);
  const rows = byData.trim().split('\n').slice(1).map((l) => l.split(/\s+/)[1]).filter((n) => n !== 'kube-root-ca.crt');
  assert.deepEqual(rows, ['alpha', 'charlie', 'bravo']);
});

test('exec and port-forward explain that pods are local processes', async () => {
  await api.k(['run', 'web', '--image=argoproj/rollouts-demo:blue']);
  const exec = await api.kubectl(['exec', 'web', '--', 'ls']);
  assert.notEqual(exec.code, 0);
  assert.match(exec.stderr, /exec is not available in the Sluice runtime: pod "web" runs as processes on this machine; run the command there/);
  // kubectl port-forward checks the phase first.
  await api.k(['patch', 'pod', 'web', '--subresource=status', '--type=merge', '-p', '{"status":{"phase":"Running","podIP":"127.1.2.3"}}']);
  const pf = await api.kubectl(['port-forward', 'pod/web', '9999:8080']);
  assert.notEqual(pf.code, 0);
  assert.match(pf.stderr, /port-forward is not needed with the Sluice runtime: pod "web" listens on its own loopback address 127\.1\.2\.3 on this machine/);
});

test('kubectl auth can-i and whoami: the runtime token may do anything, and the reason says RBAC is not enforced', async () => {
  assert.equal((await api.k('auth can-i create deployments')).trim(), 'yes');
  assert.equal((await api.k('auth can-i delete pods -n other')).trim(), 'yes');
  assert.match(await api.k('auth can-i --list'), /\*\.\*\s+\[\]\s+\[\]\s+\[\*\]/);
  assert.match(await api.k('auth whoami'), /Username\s+sluice-admin\nGroups\s+\[system:masters system:authenticated\]/);
});
