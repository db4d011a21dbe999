import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Rollout } from '../../api/rollouts-v1alpha1.js';
import { backgroundAnalysisOf } from './analysis-canary.js';

const ro = (analysis: NonNullable<NonNullable<Rollout['spec']['strategy']['canary']>['analysis']>): Rollout => ({
  apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name: 'demo' },
  spec: { selector: { matchLabels: { app: 'demo' } }, template: { metadata: { labels: { app: 'demo' } }, spec: { containers: [] } }, strategy: { canary: { analysis } } },
});

test('backgroundAnalysisOf() folds the chapter\'s `templateName` shorthand into templates', () => {
  assert.deepEqual(backgroundAnalysisOf(ro({ templateName: 'pass' })), { templates: [{ templateName: 'pass' }] });
  assert.deepEqual(backgroundAnalysisOf(ro({ templateName: 'b', templates: [{ templateName: 'a' }] }))?.templates, [{ templateName: 'a' }, { templateName: 'b' }]);
  assert.deepEqual(backgroundAnalysisOf(ro({ templates: [{ templateName: 'a' }] })), { templates: [{ templateName: 'a' }] });
});
