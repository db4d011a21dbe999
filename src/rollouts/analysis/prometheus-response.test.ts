import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readPrometheusAnswer } from './prometheus-response.js';

const ok = (data: unknown, warnings?: string[]): string => JSON.stringify({ status: 'success', data, ...(warnings ? { warnings } : {}) });

test('readPrometheusAnswer() flattens vectors and matrices and formats values as Go', () => {
  assert.deepEqual(readPrometheusAnswer(200, ok({ resultType: 'scalar', result: [1, '0.5'] })), { ok: true, value: 0.5, text: '0.5', warnings: [] });
  assert.deepEqual(readPrometheusAnswer(200, ok({ resultType: 'vector', result: [{ metric: {}, value: [1, '0.01'] }, { metric: {}, value: [1, 'NaN'] }] })),
    { ok: true, value: [0.01, Number.NaN], text: '[0.01,NaN]', warnings: [] });
  assert.deepEqual(readPrometheusAnswer(200, ok({ resultType: 'matrix', result: [{ values: [[1, '1'], [2, '+Inf']] }, { values: [[1, '2']] }] }, ['w'])),
    { ok: true, value: [1, Infinity, 2], text: '[1,+Inf,2]', warnings: ['w'] });
  assert.deepEqual(readPrometheusAnswer(200, ok({ resultType: 'vector', result: [] })), { ok: true, value: [], text: '[]', warnings: [] });
});

test('readPrometheusAnswer() reports errors as client_golang does', () => {
  assert.deepEqual(readPrometheusAnswer(400, JSON.stringify({ status: 'error', errorType: 'bad_data', error: 'parse error' })), { ok: false, error: 'bad_data: parse error' });
  assert.deepEqual(readPrometheusAnswer(502, 'Bad Gateway'), { ok: false, error: 'server_error: server error: 502 Bad Gateway' });
  assert.deepEqual(readPrometheusAnswer(200, ok({ resultType: 'string', result: [1, 'x'] })), { ok: false, error: 'Prometheus metric type not supported' });
});
