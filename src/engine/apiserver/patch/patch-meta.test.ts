import { test } from 'node:test';
import assert from 'node:assert/strict';
import { typeByName } from '../schema/type-by-name.js';
import { patchMetaOf, taggedFields } from './patch-meta.js';

test('patchMetaOf() returns the struct tags of the built-in kinds', () => {
  const rows: Array<[model: string, field: string, want: string]> = [
    ['V1PodSpec', 'containers', 'name merge'],
    ['V1PodSpec', 'initContainers', 'name merge'],
    ['V1PodSpec', 'volumes', 'name merge,retainKeys'],
    ['V1PodSpec', 'imagePullSecrets', 'name merge'],
    ['V1PodSpec', 'hostAliases', 'ip merge'],
    ['V1PodSpec', 'tolerations', '-'],
    ['V1Container', 'ports', 'containerPort merge'],
    ['V1Container', 'env', 'name merge'],
    ['V1Container', 'volumeMounts', 'mountPath merge'],
    ['V1Container', 'volumeDevices', 'devicePath merge'],
    ['V1Container', 'args', '-'],
    ['V1ServiceSpec', 'ports', 'port merge'],
    ['V1ObjectMeta', 'ownerReferences', 'uid merge'],
    ['V1ObjectMeta', 'finalizers', '- merge'],
    ['V1DeploymentSpec', 'strategy', '- retainKeys'],
    ['V1DeploymentStatus', 'conditions', 'type merge'],
    ['V1PodStatus', 'conditions', 'type merge'],
    ['V1IngressSpec', 'rules', '-'],
    ['V1EndpointSubset', 'addresses', '-'],
  ];
  for (const [model, field, want] of rows) {
    const meta = patchMetaOf(typeByName(model), field);
    const got = meta.strategies.length === 0 ? '-' : `${meta.mergeKey ?? '-'} ${meta.strategies.join(',')}`;
    assert.equal(got, want, `${model}.${field}`);
  }
  assert.deepEqual(patchMetaOf(undefined, 'containers'), { strategies: [] });
  assert.deepEqual(patchMetaOf({ t: 'map', values: { t: 'string' } }, 'containers'), { strategies: [] });
});

test('every tagged field exists in the schema, and merge keys exist in the list items', () => {
  for (const entry of taggedFields()) {
    const [model = '', field = ''] = entry.split('.');
    const node = typeByName(model)?.fields().get(field);
    assert.ok(node, entry);
    const meta = patchMetaOf(typeByName(model), field);
    if (meta.mergeKey === undefined) continue;
    assert.equal(node.t, 'array', entry);
    const item = node.t === 'array' ? node.items : undefined;
    assert.ok(item?.t === 'object' && item.fields().has(meta.mergeKey), `${entry} items have ${meta.mergeKey}`);
  }
});
