import { test } from 'node:test';
import assert from 'node:assert/strict';
import { R } from '../api/resources.js';
import { runLeaderElection, type LeaderElectionOptions } from './leader-election.js';
import { computeLeaseClaim, microTime, type Lease } from './lease-lock.js';
import { ManualTimers } from './manual-timers.js';
import { RestClient } from './rest-client.js';
import { captureLog } from './testing/capture-log.js';
import { MemoryApi } from './testing/memory-api.js';

const T0 = Date.UTC(2025, 0, 1);

test('computeLeaseClaim() decides by when the lease was last seen changing (worked example of the JSDoc)', () => {
  const held = { holderIdentity: 'a', leaseDurationSeconds: 15, acquireTime: microTime(T0), renewTime: microTime(T0), leaseTransitions: 2 };
  const rows: [string, Parameters<typeof computeLeaseClaim>[0], string, number, string | undefined, number | undefined][] = [
    ['no lease yet', undefined, 'b', 0, 'b', 0],
    ['held by a, still running', held, 'b', 14_999, undefined, undefined],
    ['held by a, expired', held, 'b', 15_000, 'b', 3],
    ['ours: renew keeps transitions', held, 'a', 1_000, 'a', 2],
    ['released (empty holder)', { ...held, holderIdentity: '' }, 'b', 1, 'b', 3],
  ];
  for (const [name, current, identity, nowOffset, holder, transitions] of rows) {
    const spec = computeLeaseClaim(current, identity, T0, T0 + nowOffset, 15_000);
    assert.equal(spec?.holderIdentity, holder, name);
    assert.equal(spec?.leaseTransitions, transitions, name);
  }
  const renewed = computeLeaseClaim(held, 'a', T0, T0 + 1000, 15_000);
  assert.equal(renewed?.acquireTime, '2025-01-01T00:00:00.000000Z');
  assert.equal(renewed?.renewTime, '2025-01-01T00:00:01.000000Z');
});

interface Candidate {
  log: string[];
  ac: AbortController;
  run: Promise<void>;
}

function candidate(api: MemoryApi, time: ManualTimers, id: string, extra: Partial<LeaderElectionOptions> = {}): Candidate {
  const log: string[] = [];
  const ac = new AbortController();
  const at = (): number => (time.now() - T0) / 1000;
  const opts: LeaderElectionOptions = {
    client: new RestClient(api, { userAgent: id }), namespace: 'kube-system', name: 'sluice-controller', identity: id,
    clock: time, timers: time, log: captureLog(id).log,
    onStartedLeading: (signal) => {
      log.push(`${at()} start`);
      signal.addEventListener('abort', () => log.push(`${at()} work stopped`), { once: true });
    },
    onStoppedLeading: () => log.push(`${at()} stop`),
    onNewLeader: (who) => log.push(`${at()} leader ${who}`),
    ...extra,
  };
  return { log, ac, run: runLeaderElection(opts, ac.signal) };
}

async function lease(api: MemoryApi): Promise<Lease> {
  return new RestClient(api).get<Lease>(R.leases, 'kube-system', 'sluice-controller');
}

test('leader election: A leads, B waits, A releases on stop and B takes over within one retry period', async () => {
  const time = new ManualTimers(T0);
  const api = new MemoryApi(time);
  const a = candidate(api, time, 'a', { releaseOnCancel: true });
  await time.advanceAsync(0);
  const b = candidate(api, time, 'b', { releaseOnCancel: true });
  await time.advanceAsync(20_000);
  assert.deepEqual(a.log, ['0 leader a', '0 start']);
  assert.deepEqual(b.log, ['0 leader a'], 'b never leads while a renews');
  assert.equal((await lease(api)).spec?.renewTime, microTime(T0 + 20_000));
  a.ac.abort();
  await a.run;
  assert.deepEqual(a.log.slice(2), ['20 work stopped', '20 stop']);
  assert.equal((await lease(api)).spec?.holderIdentity, '');
  await time.advanceAsync(2_000);
  assert.deepEqual(b.log.slice(1), ['22 leader b', '22 start']);
  const l = await lease(api);
  assert.deepEqual([l.spec?.holderIdentity, l.spec?.leaseTransitions, l.spec?.leaseDurationSeconds], ['b', 1, 15]);
  b.ac.abort();
  await b.run;
  assert.equal(time.pendingCount(), 0);
});

test('leader election: a leader that cannot renew steps down after renewDeadline; the other waits out leaseDuration', async () => {
  const time = new ManualTimers(T0);
  const api = new MemoryApi(time);
  const a = candidate(api, time, 'a');
  await time.advanceAsync(0);
  const b = candidate(api, time, 'b');
  await time.advanceAsync(4_000);
  // a is cut off from the API from t=4 s; its last renewal was at t=4 s.
  api.intercept = (req) => (req.headers['User-Agent'] === 'a' ? new Error('network unreachable') : undefined);
  await time.advanceAsync(30_000);
  assert.deepEqual(a.log, ['0 leader a', '0 start', '14 work stopped', '14 stop']);
  // b last saw the lease change at 4 s, so it may take it from 19 s; it tries every 2 s: at 20 s.
  assert.deepEqual(b.log, ['0 leader a', '20 leader b', '20 start']);
  api.intercept = undefined;
  await time.advanceAsync(10_000);
  assert.equal(a.log.length, 5);
  // The attempt due at 34 s still ran while cut off; the next one, at 36 s, sees b.
  assert.equal(a.log[4], '36 leader b', 'a, reconnected, sees b and does not take over');
  a.ac.abort();
  b.ac.abort();
  await Promise.all([a.run, b.run]);
  assert.equal((await lease(api)).spec?.holderIdentity, 'b', 'without releaseOnCancel the lease stays');
});

test('leader election rejects inconsistent durations', async () => {
  const api = new MemoryApi();
  await assert.rejects(runLeaderElection({ client: new RestClient(api), namespace: 'n', name: 'l', identity: 'a',
    leaseDurationMs: 5000, renewDeadlineMs: 10_000, onStartedLeading: () => undefined }, new AbortController().signal), RangeError);
});
