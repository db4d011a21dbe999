import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Event } from '../../../api/core-v1.js';
import { eventPrinter } from './event-printer.js';

const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);

function event(fields: Partial<Event>): Event {
  return {
    apiVersion: 'v1', kind: 'Event',
    metadata: { name: 'demo-6f7c9d8b5-x2x9p.181a2b3c4d5e6f70', namespace: 'default', creationTimestamp: '2025-01-01T11:58:00Z' },
    involvedObject: { kind: 'Pod', namespace: 'default', name: 'demo-6f7c9d8b5-x2x9p', apiVersion: 'v1', fieldPath: 'spec.containers{web}' },
    reason: 'BackOff',
    message: 'Back-off restarting failed container web in pod demo-6f7c9d8b5-x2x9p_default(5e1c)\n',
    source: { component: 'kubelet', host: 'sluice' },
    firstTimestamp: '2025-01-01T11:58:00Z',
    lastTimestamp: '2025-01-01T11:59:30Z',
    count: 7,
    type: 'Warning',
    ...fields,
  };
}

test('eventPrinter prints LAST SEEN TYPE REASON OBJECT MESSAGE and the wide columns after them', () => {
  assert.deepEqual(eventPrinter.columns.map((c) => [c.name, c.priority, c.format]), [
    ['Last Seen', 0, ''], ['Type', 0, ''], ['Reason', 0, ''], ['Object', 0, ''], ['Subobject', 1, ''], ['Source', 1, ''],
    ['Message', 0, ''], ['First Seen', 1, ''], ['Count', 1, ''], ['Name', 1, 'name'],
  ]);
  assert.deepEqual(eventPrinter.cells(event({}), NOW), [
    '30s', 'Warning', 'BackOff', 'pod/demo-6f7c9d8b5-x2x9p', 'spec.containers{web}', 'kubelet, sluice',
    'Back-off restarting failed container web in pod demo-6f7c9d8b5-x2x9p_default(5e1c)', '2m', 7, 'demo-6f7c9d8b5-x2x9p.181a2b3c4d5e6f70',
  ]);
});

test('eventPrinter falls back for events written by newer reporters', () => {
  const scaled = event({
    involvedObject: { kind: 'Deployment', name: 'demo' }, reason: 'ScalingReplicaSet', type: 'Normal',
    message: 'Scaled up replica set demo-6f7c9d8b5 to 3', source: {}, reportingComponent: 'deployment-controller',
    firstTimestamp: null, lastTimestamp: null, eventTime: '2025-01-01T11:57:00.123456Z', count: 0,
  });
  const cells = eventPrinter.cells(scaled, NOW);
  assert.deepEqual([cells[0], cells[3], cells[4], cells[5], cells[7], cells[8]], ['2m59s', 'deployment/demo', '', 'deployment-controller', '2m59s', 1]);
  const series = eventPrinter.cells({ ...scaled, series: { count: 4, lastObservedTime: '2025-01-01T11:59:50.000000Z' } }, NOW);
  assert.deepEqual([series[0], series[8]], ['10s', 4]);
  const bare = eventPrinter.cells(event({ involvedObject: { kind: 'Node' }, firstTimestamp: null, lastTimestamp: null, source: { component: 'kubelet' } }), NOW);
  assert.deepEqual([bare[0], bare[3], bare[5], bare[7]], ['<unknown>', 'node', 'kubelet', '<unknown>']);
});
