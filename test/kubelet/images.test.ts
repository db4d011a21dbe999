// Acceptance: images the runtime cannot run fail like image pulls, with a message that says how to map
// them; a mapping-file entry makes them run.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../harness/fixtures.js';
import { httpGet, startKubeletTest, type KubeletTestEnv } from '../harness/kubelet-harness.js';
import { eventually } from '../harness/poll.js';

let env: KubeletTestEnv;
before(async () => { env = await startKubeletTest(); });
after(async () => { await env.close(); });

const SERVER = join(repoRoot(), 'test', 'kubelet', 'fixtures', 'probe-server.mjs');

test('an unknown image waits in ErrImagePull/ImagePullBackOff with a mapping hint, until the image is mapped', async () => {
  await env.createPod('mystery', { containers: [{ name: 'web', image: 'nginx:1.25', ports: [{ containerPort: 8080 }] }] });
  const waiting = await env.waitPod('mystery', 'pull error', (p) => {
    const w = p.status?.containerStatuses?.[0]?.state.waiting;
    return (w?.reason === 'ErrImagePull' || w?.reason === 'ImagePullBackOff') && w;
  });
  const mapFile = join(env.dataDir, 'images.yaml');
  assert.ok(waiting.message?.includes(mapFile), waiting.message);
  assert.match(waiting.message ?? '', /a YAML list of \{image: <glob>, command: \[\.\.\.\], args\?: \[\.\.\.\], env\?: \{\.\.\.\}\}/);
  assert.match(await env.api.k('get pod mystery --no-headers'), /mystery\s+0\/1\s+(ErrImagePull|ImagePullBackOff)/);
  await env.waitPod('mystery', 'ImagePullBackOff', (p) => p.status?.containerStatuses?.[0]?.state.waiting?.reason === 'ImagePullBackOff');
  const logs = await env.api.kubectl('logs mystery');
  assert.notEqual(logs.code, 0);
  assert.match(logs.stderr, /container "web" in pod "mystery" is waiting to start: (ErrImagePull|ImagePullBackOff)/);
  assert.match(await env.api.k('describe pod mystery'), /Failed\s+.*kubelet\s+Failed to pull image "nginx:1.25": Cannot run image "nginx:1.25"/);

  writeFileSync(mapFile, `- image: "nginx:*"\n  command: [${JSON.stringify(process.execPath)}, ${JSON.stringify(SERVER)}]\n`);
  const ip = await env.waitPod('mystery', 'Running', (p) => p.status?.containerStatuses?.[0]?.state.running !== undefined && p.status.podIP);
  await eventually(async () => (await httpGet(`http://${ip}:8080/ready`)).status === 200, 'mapped server to answer');
  assert.match(await env.api.k('logs mystery'), /probe-server listening/);
});

test('a broken mapping file is named in the message', async () => {
  writeFileSync(join(env.dataDir, 'images.yaml'), '- image: "redis"\n  command: []\n');
  await env.createPod('redis', { containers: [{ name: 'redis', image: 'redis:7' }] });
  const message = await env.waitPod('redis', 'pull error', (p) => p.status?.containerStatuses?.[0]?.state.waiting?.message?.includes('could not be used') && p.status.containerStatuses[0]?.state.waiting?.message);
  assert.match(message ?? '', /command must be a non-empty list of strings/);
});
