import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bucketIndex, DEFAULT_TIME_BUCKETS, formatPrometheus } from './prometheus-text.js';

test('bucketIndex() (0.03 s → le="0.05", the worked example)', () => {
  const rows: [number, number][] = [[0, 0], [0.005, 0], [0.0051, 1], [0.03, 3], [10, 10], [11, 11]];
  for (const [v, i] of rows) assert.equal(bucketIndex(DEFAULT_TIME_BUCKETS, v), i, String(v));
});

test('formatPrometheus() sorts labels, escapes values, writes cumulative buckets', () => {
  const text = formatPrometheus([
    { type: 'counter', name: 'c_total', help: 'Requests', series: [{ labels: { z: 'a"b', a: 'x\\y\n' }, value: 3 }] },
    { type: 'histogram', name: 'h', help: 'Latency', bounds: [0.1, 1], series: [{ labels: { s: '200' }, value: { buckets: [2, 1, 1], sum: 2.75, count: 4 } }] },
    { type: 'counter', name: 'empty', help: 'none', series: [] },
  ]);
  assert.equal(text, [
    '# HELP c_total Requests', '# TYPE c_total counter', 'c_total{a="x\\\\y\\n",z="a\\"b"} 3',
    '# HELP h Latency', '# TYPE h histogram', 'h_bucket{s="200",le="0.1"} 2', 'h_bucket{s="200",le="1"} 3', 'h_bucket{s="200",le="+Inf"} 4',
    'h_sum{s="200"} 2.75', 'h_count{s="200"} 4', '',
  ].join('\n'));
});
