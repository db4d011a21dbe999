import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Event } from '../api/core-v1.js';
import { R } from '../api/resources.js';
import { ManualClock } from '../lib/clock.js';
import { EventRecorder, referenceOf } from './event-recorder.js';
import { RestClient } from './rest-client.js';
import { captureLog } from './testing/capture-log.js';
import { MemoryApi } from './testing/memory-api.js';

const deployment = {
  apiVersion: 'apps/v1', kind: 'Deployment',
  metadata: { name: 'demo', namespace: 'default', uid: 'd-uid', resourceVersion: '12' },
};

function setup() {
  const clock = new ManualClock(Date.UTC(2025, 0, 1));
  const api = new MemoryApi(clock);
  const client = new RestClient(api);
  const { log, lines } = captureLog();
  const rec = new EventRecorder(client, { component: 'deployment-controller', clock, log });
  const events = async (): Promise<Event[]> => (await client.list<Event>(R.events, 'default')).items;
  return { clock, api, rec, events, lines };
}

test('EventRecorder writes a core/v1 Event kubectl describe can show', async () => {
  const { rec, events } = setup();
  rec.event(deployment, 'Normal', 'ScalingReplicaSet', 'Scaled up replica set demo-abc from 0 to 3');
  await rec.flush();
  const [ev] = await events();
  assert.ok(ev !== undefined);
  assert.match(ev.metadata.name ?? '', /^demo\.[0-9a-f]+$/);
  assert.deepEqual(ev.involvedObject, { kind: 'Deployment', apiVersion: 'apps/v1', name: 'demo', namespace: 'default', uid: 'd-uid', resourceVersion: '12' });
  assert.deepEqual([ev.type, ev.reason, ev.message, ev.source, ev.reportingComponent, ev.count],
    ['Normal', 'ScalingReplicaSet', 'Scaled up replica set demo-abc from 0 to 3', { component: 'deployment-controller' }, 'deployment-controller', 1]);
  assert.equal(ev.firstTimestamp, '2025-01-01T00:00:00Z');
  assert.equal(ev.lastTimestamp, '2025-01-01T00:00:00Z');
});

test('EventRecorder aggregates repeats by patching count and lastTimestamp', async () => {
  const { clock, api, rec, events } = setup();
  rec.event(deployment, 'Warning', 'FailedCreate', 'quota exceeded');
  clock.advance(5000);
  rec.event(deployment, 'Warning', 'FailedCreate', 'quota exceeded');
  clock.advance(5000);
  rec.event({ ...deployment, metadata: { ...deployment.metadata, resourceVersion: '13' } }, 'Warning', 'FailedCreate', 'quota exceeded');
  rec.event(deployment, 'Warning', 'FailedCreate', 'other message');
  await rec.flush();
  const all = await events();
  assert.equal(all.length, 2);
  const repeated = all.find((e) => e.message === 'quota exceeded');
  assert.equal(repeated?.count, 3);
  assert.equal(repeated?.firstTimestamp, '2025-01-01T00:00:00Z');
  assert.equal(repeated?.lastTimestamp, '2025-01-01T00:00:10Z');
  assert.equal(api.requests.filter((r) => r.method === 'PATCH').length, 2);
  assert.equal(api.requests.find((r) => r.method === 'PATCH')?.headers['Content-Type'], 'application/merge-patch+json');
});

test('EventRecorder creates a new Event when the aggregated one is gone', async () => {
  const { api, rec, events } = setup();
  rec.event(deployment, 'Normal', 'R', 'm');
  await rec.flush();
  const [first] = await events();
  await new RestClient(api).delete(R.events, 'default', first?.metadata.name ?? '');
  rec.event(deployment, 'Normal', 'R', 'm');
  await rec.flush();
  const all = await events();
  assert.equal(all.length, 1);
  assert.equal(all[0]?.count, 1);
});

test('EventRecorder never throws into the caller; failures are logged', async () => {
  const { api, rec, lines, events } = setup();
  api.intercept = () => new Error('connection refused');
  assert.doesNotThrow(() => rec.event(deployment, 'Normal', 'R', 'm'));
  await rec.flush();
  assert.equal(lines.length, 1);
  assert.equal(lines[0]?.msg, 'cannot record event');
  api.intercept = undefined;
  rec.event(deployment, 'Normal', 'R', 'm');
  await rec.flush();
  assert.equal((await events()).length, 1);
});

test('Events about cluster-scoped objects go to default with an empty involvedObject namespace', async () => {
  const ns = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'x', uid: 'u' } };
  assert.deepEqual(referenceOf(ns), { kind: 'Namespace', apiVersion: 'v1', name: 'x', uid: 'u' });
  const { rec, events } = setup();
  rec.event(ns, 'Normal', 'R', 'm');
  await rec.flush();
  assert.equal((await events())[0]?.involvedObject.name, 'x');
});
