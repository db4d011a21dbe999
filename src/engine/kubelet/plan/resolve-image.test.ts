import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isArgoRolloutsImage, isDemoImage, matchesImageGlob, resolveImage } from './resolve-image.js';
import type { ImageRules } from './types.js';

const NO_RULES: ImageRules = { path: '/data/images.yaml', rules: [] };
const DEMO = ['node', '/app/dist/src/demo/main.js'];

test('isDemoImage() accepts the demo repository with or without docker.io/', () => {
  assert.deepEqual(['argoproj/rollouts-demo:blue', 'docker.io/argoproj/rollouts-demo:bad-red', 'argoproj/rollouts-demo', 'argoproj/other:blue', 'nginx'].map(isDemoImage),
    [true, true, true, false, false]);
});

test('matchesImageGlob() matches whole names, raw or normalized', () => {
  assert.equal(matchesImageGlob('nginx:*', 'nginx:1.25'), true);
  assert.equal(matchesImageGlob('nginx:*', 'docker.io/library/nginx:1.25'), true);
  assert.equal(matchesImageGlob('nginx', 'nginx:1.25'), false);
  assert.equal(matchesImageGlob('my.registry/app:?', 'my.registry/app:1'), true);
  assert.equal(matchesImageGlob('my.registry/app:?', 'myXregistry/app:1'), false);
});

test('resolveImage() runs the demo with SLUICE_DEMO_IMAGE and a readiness port', () => {
  assert.deepEqual(resolveImage({ name: 'c', image: 'argoproj/rollouts-demo:blue', ports: [{ containerPort: 8080 }] }, NO_RULES, DEMO), {
    ok: true, argv: DEMO, imageEnv: { SLUICE_DEMO_IMAGE: 'argoproj/rollouts-demo:blue' }, imageID: 'sluice://argoproj/rollouts-demo:blue', demoPort: 8080,
  });
});

test('resolveImage() applies a mapping rule; the container command and args override it', () => {
  const rules: ImageRules = { path: '/data/images.yaml', rules: [{ image: 'nginx:*', command: ['my-nginx'], args: ['-p', '80'], env: { A: '1' } }] };
  const mapped = resolveImage({ name: 'c', image: 'nginx:1.25' }, rules, DEMO);
  assert.deepEqual(mapped, { ok: true, argv: ['my-nginx', '-p', '80'], imageEnv: { A: '1' }, imageID: 'sluice://nginx:1.25' });
  const withArgs = resolveImage({ name: 'c', image: 'nginx:1.25', args: ['-q'] }, rules, DEMO);
  assert.deepEqual(withArgs.ok && withArgs.argv, ['my-nginx', '-q']);
  const withCommand = resolveImage({ name: 'c', image: 'nginx:1.25', command: ['x'] }, rules, DEMO);
  assert.deepEqual(withCommand.ok && withCommand.argv, ['x']);
});

test('resolveImage() runs a container command on the host (the chapter alpine jobs)', () => {
  const r = resolveImage({ name: 'c', image: 'alpine:3.8', command: ['sh', '-c'], args: ['exit 1'] }, NO_RULES, DEMO);
  assert.deepEqual(r.ok && r.argv, ['sh', '-c', 'exit 1']);
});

test('resolveImage() fails an unknown image with a hint naming the mapping file and its format', () => {
  const r = resolveImage({ name: 'c', image: 'nginx:1.25' }, { ...NO_RULES, error: 'bad YAML' }, DEMO);
  assert.equal(r.ok, false);
  const message = r.ok ? '' : r.message;
  assert.match(message, /^Cannot run image "nginx:1.25": /);
  assert.match(message, /\/data\/images\.yaml/);
  assert.match(message, /\{image: <glob>, command: \[\.\.\.\]/);
  assert.match(message, /could not be used: bad YAML/);
});

test('isArgoRolloutsImage(): Argo Rollouts controller image from quay.io or Docker Hub, any tag; resolveImage() runs the stand-in', () => {
  assert.deepEqual(['quay.io/argoproj/argo-rollouts:v1.8.3', 'quay.io/argoproj/argo-rollouts:latest', 'argoproj/argo-rollouts',
    'docker.io/argoproj/argo-rollouts@sha256:abc', 'quay.io/argoproj/argo-rollouts-extra:v1', 'quay.io/argoproj/argocd:v2', 'argoproj/rollouts-demo:blue'].map(isArgoRolloutsImage),
  [true, true, true, true, false, false, false]);
  const r = resolveImage({ name: 'argo-rollouts', image: 'quay.io/argoproj/argo-rollouts:v1.8.3', ports: [{ containerPort: 8090 }] }, NO_RULES, DEMO);
  assert.deepEqual(r, { ok: true, argv: DEMO, imageEnv: { SLUICE_DEMO_IMAGE: 'quay.io/argoproj/argo-rollouts:v1.8.3', SLUICE_DEMO_ROLE: 'argo-rollouts-standin' }, imageID: 'sluice://quay.io/argoproj/argo-rollouts:v1.8.3', demoPort: 8090 });
});
