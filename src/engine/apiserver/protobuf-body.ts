// Decodes the Kubernetes protobuf envelope kubectl's typed clients send (`kubectl create namespace` does).
// Only the kinds kubectl creates this way are understood; the rest get 415 with a pointer to `apply -f`.
import protobuf from 'protobufjs/minimal.js';
import { ApiError } from '../../api/api-error.js';
import type { KubeObject, ObjectMeta } from '../../api/meta.js';

const MAGIC = [0x6b, 0x38, 0x73, 0x00]; // "k8s\0"

type Fields = Map<number, (Uint8Array | number)[]>;

/** Reads every field of one message into field number → raw values (bytes for wire type 2, numbers for varints). */
function readFields(buf: Uint8Array): Fields {
  const r = protobuf.Reader.create(buf);
  const out: Fields = new Map();
  while (r.pos < r.len) {
    const tag = r.uint32();
    const field = tag >>> 3;
    const wire = tag & 7;
    let value: Uint8Array | number;
    if (wire === 2) value = r.bytes();
    else if (wire === 0) value = Number(r.uint64());
    else { r.skipType(wire); continue; }
    const list = out.get(field) ?? [];
    list.push(value);
    out.set(field, list);
  }
  return out;
}

const text = (v: Uint8Array | number | undefined): string | undefined =>
  v instanceof Uint8Array && v.length > 0 ? Buffer.from(v).toString('utf8') : undefined;

function readMap(values: (Uint8Array | number)[] | undefined, asBase64 = false): Record<string, string> | undefined {
  if (!values || values.length === 0) return undefined;
  const out: Record<string, string> = {};
  for (const entry of values) {
    if (!(entry instanceof Uint8Array)) continue;
    const f = readFields(entry);
    const v = f.get(2)?.[0];
    out[text(f.get(1)?.[0]) ?? ''] = asBase64 && v instanceof Uint8Array ? Buffer.from(v).toString('base64') : text(v) ?? '';
  }
  return out;
}

function readMeta(buf: Uint8Array | number | undefined): ObjectMeta {
  if (!(buf instanceof Uint8Array)) return {};
  const f = readFields(buf);
  const meta: ObjectMeta = {};
  const set = <K extends 'name' | 'generateName' | 'namespace'>(k: K, n: number): void => {
    const v = text(f.get(n)?.[0]);
    if (v !== undefined) meta[k] = v;
  };
  set('name', 1); set('generateName', 2); set('namespace', 3);
  const labels = readMap(f.get(11));
  const annotations = readMap(f.get(12));
  if (labels) meta.labels = labels;
  if (annotations) meta.annotations = annotations;
  return meta;
}

/** Decodes a protobuf request body into a JSON object of the kinds kubectl sends this way. */
export function decodeProtobufBody(body: Uint8Array): KubeObject {
  if (body.length < 4 || MAGIC.some((b, i) => body[i] !== b)) {
    throw new ApiError('BadRequest', 'the protobuf body does not start with the Kubernetes "k8s\\0" envelope');
  }
  const envelope = readFields(body.subarray(4));
  const typeMeta = envelope.get(1)?.[0];
  const tm = typeMeta instanceof Uint8Array ? readFields(typeMeta) : new Map<number, (Uint8Array | number)[]>();
  const apiVersion = text(tm.get(1)?.[0]) ?? '';
  const kind = text(tm.get(2)?.[0]) ?? '';
  const raw = envelope.get(2)?.[0];
  const obj = raw instanceof Uint8Array ? readFields(raw) : new Map<number, (Uint8Array | number)[]>();
  const metadata = readMeta(obj.get(1)?.[0]);
  switch (kind) {
    case 'Namespace': return { apiVersion, kind, metadata };
    case 'ConfigMap': return withData({ apiVersion, kind, metadata }, 'data', readMap(obj.get(2)));
    case 'Secret': {
      const secret = withData({ apiVersion, kind, metadata }, 'data', readMap(obj.get(2), true));
      const type = text(obj.get(3)?.[0]);
      return type === undefined ? secret : { ...secret, type };
    }
    default:
      throw new ApiError('UnsupportedMediaType',
        `protobuf request bodies are not supported for ${kind || 'this kind'}; send JSON (for example with kubectl apply -f)`);
  }
}

function withData(obj: KubeObject, key: string, data: Record<string, string> | undefined): KubeObject {
  return data === undefined ? obj : { ...obj, [key]: data };
}
