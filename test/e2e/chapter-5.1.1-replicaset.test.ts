// Issue 3 acceptance, chapter 5.1.1: a ReplicaSet is not declarative about its pods. Changing the template's
// image touches no running pod; only pods created afterwards (here, by raising replicas to 3) get it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fixture } from '../harness/fixtures.js';
import { eventually } from '../harness/poll.js';
import { startTestRuntime, type TestRuntime } from '../harness/runtime-harness.js';

let rt: TestRuntime;
before(async () => { rt = await startTestRuntime(); });
after(async () => { await rt.close(); });

/** Images of the running, Ready pods of app=demo, sorted. */
async function readyImages(): Promise<string[]> {
  const out = await rt.k(['get', 'pods', '-l', 'app=demo', '-o', 'jsonpath={range .items[*]}{.spec.containers[0].image} {.status.conditions[?(@.type=="Ready")].status}{"\\n"}{end}']);
  return out.split('\n').filter((l) => l.endsWith(' True')).map((l) => l.slice(0, -' True'.length)).sort();
}

test('chapter 5.1.1: a new image reaches only pods created after the change', async () => {
  const blue = readFileSync(fixture('chapter', '5.1-ReplicaSet.yaml'), 'utf8');
  const green = blue.replace('rollouts-demo:blue', 'rollouts-demo:green');
  await rt.k(['apply', '-f', '-'], blue);
  await eventually(async () => (await readyImages()).length === 2, 'two Ready pods', 60_000);
  const podsBefore = await rt.k(['get', 'pods', '-l', 'app=demo', '-o', 'name']);

  await rt.k(['apply', '-f', '-'], green);
  assert.equal(await rt.k(['get', 'rs', 'demo', '-o', 'jsonpath={.spec.template.spec.containers[0].image}']), 'argoproj/rollouts-demo:green');
  // The controller has seen the change (observedGeneration) and left both pods alone.
  await eventually(async () => (await rt.k(['get', 'rs', 'demo', '-o', 'jsonpath={.status.observedGeneration}'])) === '2', 'observedGeneration 2');
  assert.deepEqual(await readyImages(), ['argoproj/rollouts-demo:blue', 'argoproj/rollouts-demo:blue']);
  assert.equal(await rt.k(['get', 'pods', '-l', 'app=demo', '-o', 'name']), podsBefore, 'no pod was replaced');

  await rt.k(['apply', '-f', '-'], green.replace('replicas: 2', 'replicas: 3'));
  await eventually(async () => (await readyImages()).length === 3, 'three Ready pods', 60_000);
  assert.deepEqual(await readyImages(), ['argoproj/rollouts-demo:blue', 'argoproj/rollouts-demo:blue', 'argoproj/rollouts-demo:green']);
  assert.match(await rt.k(['get', 'rs', 'demo']), /^NAME\s+DESIRED\s+CURRENT\s+READY\s+AGE\ndemo\s+3\s+3\s+3\s+\S+\n$/);

  const describe = await rt.k(['describe', 'rs', 'demo']);
  assert.match(describe, /^Replicas:\s+3 current \/ 3 desired$/m);
  assert.match(describe, /^Pods Status:\s+3 Running \/ 0 Waiting \/ 0 Succeeded \/ 0 Failed$/m);
  assert.match(describe, /^\s+Image:\s+argoproj\/rollouts-demo:green$/m);
  const created = describe.split('\n').filter((l) => /^\s+Normal\s+SuccessfulCreate\s+\S+\s+replicaset-controller\s+Created pod: demo-[a-z0-9]{5}$/.test(l));
  assert.equal(created.length, 3, `three SuccessfulCreate events in:\n${describe}`);
});
