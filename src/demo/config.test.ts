import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DemoConfigError, demoConfigFromEnv, demoPortFromEnv, isDemoImage, parseDemoImage, type DemoConfig } from './config.js';

const IMAGE_ROWS: ReadonlyArray<readonly [string, DemoConfig]> = [
  ['argoproj/rollouts-demo:blue', { color: 'blue', errorRate: 0, latencyMs: 0 }],
  ['argoproj/rollouts-demo:green', { color: 'green', errorRate: 0, latencyMs: 0 }],
  ['argoproj/rollouts-demo:purple', { color: 'purple', errorRate: 0, latencyMs: 0 }],
  // the worked examples of parseDemoImage's JSDoc
  ['argoproj/rollouts-demo:bad-green', { color: 'green', errorRate: 0.15, latencyMs: 0 }],
  ['argoproj/rollouts-demo:slow-red', { color: 'red', errorRate: 0, latencyMs: 2000 }],
  ['argoproj/rollouts-demo:bad-orange', { color: 'orange', errorRate: 0.15, latencyMs: 0 }],
  ['argoproj/rollouts-demo:slow-yellow', { color: 'yellow', errorRate: 0, latencyMs: 2000 }],
  ['argoproj/rollouts-demo:latest', { color: 'random', errorRate: 0, latencyMs: 0 }],
  ['argoproj/rollouts-demo', { color: 'random', errorRate: 0, latencyMs: 0 }],
  ['docker.io/argoproj/rollouts-demo:blue', { color: 'blue', errorRate: 0, latencyMs: 0 }],
  ['index.docker.io/argoproj/rollouts-demo:green', { color: 'green', errorRate: 0, latencyMs: 0 }],
  [' argoproj/rollouts-demo:blue ', { color: 'blue', errorRate: 0, latencyMs: 0 }],
  [`argoproj/rollouts-demo:blue@sha256:${'0'.repeat(64)}`, { color: 'blue', errorRate: 0, latencyMs: 0 }],
];

for (const [image, want] of IMAGE_ROWS) {
  test(`parseDemoImage() reads "${image}"`, () => {
    assert.deepEqual(parseDemoImage(image), want);
    assert.equal(isDemoImage(image), true);
  });
}

const BAD_IMAGES: ReadonlyArray<readonly [string, RegExp]> = [
  ['argoproj/rollouts-demo:pink', /unknown tag "pink": expected one of red, orange, yellow, green, blue, purple, bad-<colour>, slow-<colour> or latest/],
  ['argoproj/rollouts-demo:bad-pink', /unknown tag "bad-pink"/],
  ['argoproj/rollouts-demo:Blue', /unknown tag "Blue"/],
  ['argoproj/rollouts-demo:bad-slow-blue', /unknown tag "bad-slow-blue"/],
  ['argoproj/rollouts-demo:', /unknown tag ""/],
  ['nginx:1.25', /repository must be argoproj\/rollouts-demo/],
  ['example.com/argoproj/rollouts-demo:blue', /repository must be argoproj\/rollouts-demo/],
];

for (const [image, message] of BAD_IMAGES) {
  test(`parseDemoImage() refuses "${image}"`, () => {
    assert.throws(() => parseDemoImage(image), (e: unknown) => {
      assert.ok(e instanceof DemoConfigError);
      assert.equal(e.reason, 'UnknownImage');
      assert.match(e.message, message);
      assert.ok(e.message.includes(`"${image}"`), 'the message names the image');
      return true;
    });
  });
}

test('isDemoImage() is false for other repositories', () => {
  assert.equal(isDemoImage('nginx'), false);
  assert.equal(isDemoImage('argoproj/rollouts-demo-other:blue'), false);
  assert.equal(isDemoImage('localhost:5000/argoproj/rollouts-demo:blue'), false);
  assert.equal(isDemoImage('argoproj/rollouts-demo:anything'), true);
});

const ENV_ROWS: ReadonlyArray<readonly [string, Record<string, string>, DemoConfig]> = [
  ['no image means latest', {}, { color: 'random', errorRate: 0, latencyMs: 0 }],
  ['image only', { SLUICE_DEMO_IMAGE: 'argoproj/rollouts-demo:bad-blue' }, { color: 'blue', errorRate: 0.15, latencyMs: 0 }],
  // the worked example of demoConfigFromEnv's JSDoc
  ['env overrides the image', { SLUICE_DEMO_IMAGE: 'argoproj/rollouts-demo:bad-blue', ERROR_RATE: '50', LATENCY: '0.25' }, { color: 'blue', errorRate: 0.5, latencyMs: 250 }],
  ['COLOR overrides the tag', { SLUICE_DEMO_IMAGE: 'argoproj/rollouts-demo:blue', COLOR: 'green' }, { color: 'green', errorRate: 0, latencyMs: 0 }],
  ['COLOR on latest', { COLOR: 'yellow', ERROR_RATE: '0', LATENCY: '2' }, { color: 'yellow', errorRate: 0, latencyMs: 2000 }],
  ['empty values reset the image ENV', { SLUICE_DEMO_IMAGE: 'argoproj/rollouts-demo:bad-red', COLOR: '', ERROR_RATE: '' }, { color: 'random', errorRate: 0, latencyMs: 0 }],
  ['empty LATENCY resets slow-', { SLUICE_DEMO_IMAGE: 'argoproj/rollouts-demo:slow-red', LATENCY: '' }, { color: 'red', errorRate: 0, latencyMs: 0 }],
  ['ERROR_RATE 100', { SLUICE_DEMO_IMAGE: 'argoproj/rollouts-demo:red', ERROR_RATE: '100' }, { color: 'red', errorRate: 1, latencyMs: 0 }],
  ['empty SLUICE_DEMO_IMAGE means latest', { SLUICE_DEMO_IMAGE: '' }, { color: 'random', errorRate: 0, latencyMs: 0 }],
];

for (const [name, env, want] of ENV_ROWS) {
  test(`demoConfigFromEnv(): ${name}`, () => assert.deepEqual(demoConfigFromEnv(env), want));
}

const BAD_ENV: ReadonlyArray<readonly [Record<string, string>, RegExp]> = [
  [{ COLOR: 'pink' }, /COLOR must be one of red, orange, yellow, green, blue, purple: current value is "pink"/],
  [{ ERROR_RATE: 'x' }, /ERROR_RATE must be a whole percentage from 0 to 100: current value is "x"/],
  [{ ERROR_RATE: '101' }, /ERROR_RATE must be a whole percentage/],
  [{ ERROR_RATE: '-5' }, /ERROR_RATE must be a whole percentage/],
  [{ ERROR_RATE: '1.5' }, /ERROR_RATE must be a whole percentage/],
  [{ LATENCY: 'slow' }, /LATENCY must be a number of seconds >= 0: current value is "slow"/],
  [{ LATENCY: '-1' }, /LATENCY must be a number of seconds >= 0/],
  [{ SLUICE_DEMO_IMAGE: 'argoproj/rollouts-demo:teal' }, /unknown tag "teal"/],
];

for (const [env, message] of BAD_ENV) {
  test(`demoConfigFromEnv() refuses ${JSON.stringify(env)}`, () => {
    assert.throws(() => demoConfigFromEnv(env), (e: unknown) => e instanceof DemoConfigError && message.test(e.message));
  });
}

test('demoPortFromEnv() defaults to 8080 and checks PORT', () => {
  assert.equal(demoPortFromEnv({}), 8080);
  assert.equal(demoPortFromEnv({ PORT: '' }), 8080);
  assert.equal(demoPortFromEnv({ PORT: '9090' }), 9090);
  assert.equal(demoPortFromEnv({ PORT: '0' }), 0);
  for (const bad of ['http', '70000', '-1', '80.5']) {
    assert.throws(() => demoPortFromEnv({ PORT: bad }), (e: unknown) => e instanceof DemoConfigError && e.reason === 'InvalidEnv' && e.message.includes(`"${bad}"`));
  }
});
