import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pickTarget } from './pick-target.js';
import { canRetry, classifyUpstreamError, failureStatus, type FailedAttempt } from './retry-policy.js';

test('classifyUpstreamError()', () => {
  const rows: [string | undefined, string][] = [
    ['ECONNREFUSED', 'connect'], ['CONNECT_TIMEOUT', 'connect'], ['ECONNRESET', 'reset'],
    ['CLOSED', 'reset'], ['EPIPE', 'reset'], ['READ_TIMEOUT', 'timeout'], ['BAD_RESPONSE', 'other'], [undefined, 'other'],
  ];
  for (const [code, want] of rows) assert.equal(classifyUpstreamError(code), want, String(code));
});

test('canRetry(): nginx proxy_next_upstream error timeout; non-idempotent only when nothing was sent or a reused connection was closed', () => {
  const base: FailedAttempt = { method: 'GET', failure: 'reset', responseStarted: false, attempts: 1, maxTries: 3, retryNonIdempotent: false, reusedConnection: false };
  const rows: [Partial<FailedAttempt>, boolean][] = [
    [{}, true], [{ failure: 'connect' }, true], [{ failure: 'timeout' }, true], [{ failure: 'other' }, false],
    [{ method: 'POST' }, false], [{ method: 'POST', failure: 'connect' }, true], [{ method: 'PATCH', failure: 'timeout' }, false],
    [{ method: 'POST', retryNonIdempotent: true }, true], [{ method: 'PUT' }, true], [{ method: 'DELETE' }, true],
    [{ method: 'POST', reusedConnection: true }, true], [{ method: 'POST', reusedConnection: true, failure: 'timeout' }, false],
    [{ method: 'POST', reusedConnection: true, responseStarted: true }, false],
    [{ responseStarted: true }, false], [{ attempts: 3 }, false], [{ attempts: 2 }, true],
  ];
  for (const [o, want] of rows) assert.equal(canRetry({ ...base, ...o }), want, JSON.stringify(o));
  assert.equal(failureStatus('timeout'), 504);
  assert.equal(failureStatus('connect'), 502);
});

test('pickTarget(): round-robin, untried endpoints first, then again in turn (the worked example)', () => {
  const t = ['a', 'b', 'c'];
  assert.deepEqual(pickTarget(t, 0, []), { target: 'a', cursor: 1 });
  assert.deepEqual(pickTarget(t, 2, []), { target: 'c', cursor: 0 });
  assert.deepEqual(pickTarget(t, 7, []), { target: 'b', cursor: 2 }, 'a cursor beyond a shrunk list wraps');
  assert.deepEqual(pickTarget(t, 1, ['b']), { target: 'c', cursor: 0 });
  assert.deepEqual(pickTarget(t, 1, ['b', 'c']), { target: 'a', cursor: 1 });
  assert.deepEqual(pickTarget(t, 1, ['a', 'b', 'c']), { target: 'b', cursor: 2 });
  assert.equal(pickTarget([], 0, []), undefined);
});
