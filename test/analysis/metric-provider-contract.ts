// The contract every MetricProvider must meet (in the style of Hono's runTest): each provider's test calls
// `metricProviderContract` with a factory for its fixture. Cases a provider cannot meet are skipped with a reason.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalysisRun, Measurement, Metric } from '../../src/api/rollouts-analysis.js';
import { isCompletedPhase } from '../../src/api/rollouts-constants.js';
import type { MetricProvider } from '../../src/rollouts/analysis/index.js';

/** What the contract needs from one provider's test. */
export interface ProviderFixture {
  readonly provider: MetricProvider;
  /** The AnalysisRun measurements are taken for. */
  readonly run: AnalysisRun;
  /** Metrics whose measurement ends Successful, Failed, and in Error (unreachable, refused, malformed). */
  readonly passing: Metric;
  readonly failing: Metric;
  readonly erroring: Metric;
  /** For providers whose measurements outlive `run` (the Job provider): make the outside world finish one. */
  finish?(m: Measurement, outcome: 'pass' | 'fail'): Promise<void>;
  close(): Promise<void>;
}

const never = (): AbortSignal => new AbortController().signal;

/** Takes a measurement and, for long-running providers, finishes and resumes it until it completes. */
async function measure(f: ProviderFixture, metric: Metric, outcome: 'pass' | 'fail'): Promise<Measurement> {
  let m = await f.provider.run(metric, f.run, never());
  for (let i = 0; i < 5 && !isCompletedPhase(m.phase); i++) {
    assert.ok(f.provider.resume, `${f.provider.type} returned ${m.phase} but has no resume`);
    assert.ok(f.finish, `${f.provider.type} returned ${m.phase}: the fixture must provide finish()`);
    await f.finish(m, outcome);
    m = await f.provider.resume(metric, f.run, m, never());
  }
  return m;
}

function assertFinished(m: Measurement, phase: Measurement['phase']): void {
  assert.equal(m.phase, phase, m.message);
  assert.ok(m.startedAt !== undefined && m.finishedAt !== undefined, 'startedAt and finishedAt are set');
  assert.ok(Date.parse(m.startedAt) <= Date.parse(m.finishedAt), 'startedAt <= finishedAt');
}

/** Registers the contract's tests for the provider `newFixture` builds. */
export function metricProviderContract(name: string, newFixture: () => Promise<ProviderFixture>): void {
  describe(`MetricProvider contract: ${name}`, () => {
    let f: ProviderFixture;
    before(async () => { f = await newFixture(); });
    after(async () => { await f.close(); });

    test('has a type name', () => {
      assert.match(f.provider.type, /^[A-Z][A-Za-z]+$/);
    });

    test('a passing metric measures Successful', async () => {
      assertFinished(await measure(f, f.passing, 'pass'), 'Successful');
    });

    test('a failing metric measures Failed', async () => {
      assertFinished(await measure(f, f.failing, 'fail'), 'Failed');
    });

    test('a failure to measure is an Error measurement with a message, never a rejection', async () => {
      const m = await measure(f, f.erroring, 'fail');
      assertFinished(m, 'Error');
      assert.ok((m.message ?? '') !== '', 'the Error says why');
    });

    test('an aborted call settles promptly', async () => {
      const abort = new AbortController();
      abort.abort();
      const started = Date.now();
      const m = await f.provider.run(f.passing, f.run, abort.signal);
      assert.ok(Date.now() - started < 5000, 'settles within 5 s');
      assert.ok(['Error', 'Running', 'Successful'].includes(m.phase));
    });

    test('terminate stops a measurement in flight', async (t) => {
      const m = await f.provider.run(f.passing, f.run, never());
      if (isCompletedPhase(m.phase) || f.provider.terminate === undefined) {
        t.skip(`${f.provider.type} measurements finish within run(): there is nothing to terminate`);
        return;
      }
      const stopped = await f.provider.terminate(f.passing, f.run, m, never());
      assert.ok(isCompletedPhase(stopped.phase), `terminated measurement is final, got ${stopped.phase}`);
      assert.ok(stopped.finishedAt !== undefined);
    });

    test('garbageCollect resolves', async (t) => {
      if (f.provider.garbageCollect === undefined) {
        t.skip(`${f.provider.type} leaves nothing behind to collect`);
        return;
      }
      await f.provider.garbageCollect(f.passing, f.run, 1, never());
    });
  });
}
