import { test } from 'node:test';
import assert from 'node:assert/strict';
import { modelAttributes } from './_client-models.js';
import { parseTypeString, typeByName } from './type-by-name.js';
import { schemaForKind, schemaKinds } from './schema-for-kind.js';
import { childNode, itemNode, type TypeNode } from './type-node.js';

function pathNode(root: TypeNode | undefined, path: string): TypeNode | undefined {
  let node = root;
  for (const part of path.split('.')) node = part === '[]' ? itemNode(node) : childNode(node, part);
  return node;
}

function shape(node: TypeNode | undefined): string {
  if (node === undefined) return 'undefined';
  switch (node.t) {
    case 'object': return node.name;
    case 'array': return `[${shape(node.items)}]`;
    case 'map': return `{${shape(node.values)}}`;
    default: return node.format === undefined ? node.t : `${node.t}:${node.format}`;
  }
}

test('parseTypeString() reads every form client-node uses', () => {
  const rows: Array<[type: string, format: string, want: string]> = [
    ['string', '', 'string'],
    ['string', 'byte', 'string:byte'],
    ['number', 'int32', 'integer:int32'],
    ['number', 'int64', 'integer:int64'],
    ['number', 'double', 'number:double'],
    ['number', '', 'number'],
    ['boolean', '', 'boolean'],
    ['Date', 'date-time', 'time:date-time'],
    ['Date', 'date-time-micro', 'time:date-time-micro'],
    ['V1MicroTime', 'date-time-micro', 'time:date-time-micro'],
    ['IntOrString', 'int-or-string', 'intOrString'],
    ['any', '', 'any'],
    ['object', '', 'any'],
    ['Array<string>', '', '[string]'],
    ['Array<number>', 'int64', '[integer:int64]'],
    ['Set<string>', '', '[string]'],
    ['Array<V1Container>', '', '[V1Container]'],
    ['{ [key: string]: string; }', '', '{string}'],
    ['{ [key: string]: string; }', 'byte', '{string:byte}'],
    ['{ [key: string]: Array<string>; }', '', '{[string]}'],
    ['{ [key: string]: V1JSONSchemaProps; }', '', '{V1JSONSchemaProps}'],
    ['V1PodSpec', '', 'V1PodSpec'],
    ['NoSuchModel', '', 'any'],
  ];
  for (const [type, format, want] of rows) assert.equal(shape(parseTypeString(type, format)), want, type);
});

test('typeByName() builds lazy, memoized object nodes', () => {
  const spec = typeByName('V1PodSpec');
  assert.ok(spec);
  assert.equal(typeByName('V1PodSpec'), spec);
  assert.equal(spec.fields(), spec.fields());
  assert.equal(shape(spec.fields().get('containers')), '[V1Container]');
  assert.equal(shape(spec.fields().get('nodeSelector')), '{string}');
  assert.equal(typeByName('NoSuchModel'), undefined);
  assert.equal(typeByName('../../../package'), undefined);
});

test('typeByName() marks resource.Quantity fields that client-node types as strings', () => {
  const pod = schemaForKind('v1', 'Pod');
  const rows: Array<[path: string, want: string]> = [
    ['spec.containers.[].resources.limits', '{quantity}'],
    ['spec.containers.[].resources.requests', '{quantity}'],
    ['spec.overhead', '{quantity}'],
    ['spec.volumes.[].emptyDir.sizeLimit', 'quantity'],
    ['spec.containers.[].env.[].valueFrom.resourceFieldRef.divisor', 'quantity'],
    ['spec.containers.[].ports.[].containerPort', 'integer:int32'],
    ['spec.containers.[].livenessProbe.httpGet.port', 'intOrString'],
    ['metadata.creationTimestamp', 'time:date-time'],
    ['metadata.managedFields.[].fieldsV1', 'any'],
  ];
  for (const [path, want] of rows) assert.equal(shape(pathNode(pod, path)), want, path);
});

test('every model reachable from a served kind exists in client-node', () => {
  const seen = new Set<string>();
  const missing: string[] = [];
  const queue = [...schemaKinds().map((k) => schemaForKind(k.apiVersion, k.kind)?.name ?? `missing ${k.kind}`), 'V1DeleteOptions'];
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    if (seen.has(name)) continue;
    seen.add(name);
    const attributes = name === 'V1MicroTime' ? [] : modelAttributes(name);
    if (attributes === undefined) missing.push(name);
    for (const a of attributes ?? []) {
      for (const m of a.type.matchAll(/[A-Z][A-Za-z0-9]*V\d[A-Za-z0-9]*|V\d[A-Za-z0-9]+/g)) queue.push(m[0]);
    }
  }
  assert.deepEqual(missing, []);
  assert.ok(seen.size > 150, `only ${seen.size} models reachable`);
});
