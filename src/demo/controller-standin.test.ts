import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isArgoRolloutsControllerImage } from './controller-standin.js';

test('isArgoRolloutsControllerImage(): the controller image from quay.io or Docker Hub, any tag or digest', () => {
  for (const i of ['quay.io/argoproj/argo-rollouts:v1.8.3', 'argoproj/argo-rollouts:latest', 'docker.io/argoproj/argo-rollouts', 'quay.io/argoproj/argo-rollouts@sha256:0f']) assert.equal(isArgoRolloutsControllerImage(i), true, i);
  for (const i of ['argoproj/rollouts-demo:blue', 'quay.io/argoproj/argocd:v2.9', 'quay.io/argoproj/argo-rollouts-plugin:v1', '']) assert.equal(isArgoRolloutsControllerImage(i), false, i);
});
