// Decodes the Kubernetes protobuf envelope that kubectl's typed clients send (`kubectl create namespace`,
// `create deployment`, `create job`, …) into the JSON object the rest of the server works with, walking the
// field table in protobuf-messages.ts. A field the table does not know is tolerated only when it carries
// nothing (Go writes zero values of non-pointer fields); anything else is refused with 415 naming where it was,
// so a protobuf body is never silently stored with parts missing.
import protobuf from 'protobufjs/minimal.js';
import { ApiError } from '../../api/api-error.js';
import { decodeKubeObject, type KubeObject } from '../../api/meta.js';
import { MESSAGES, PROTOBUF_KINDS, type FieldSpec } from './protobuf-messages.js';

const MAGIC = [0x6b, 0x38, 0x73, 0x00]; // "k8s\0"

type Raw = Uint8Array | number;
type Fields = Map<number, Raw[]>;

/** Reads every field of one message into field number → raw values (bytes for wire type 2, numbers for varints). */
function readFields(buf: Uint8Array): Fields {
  const r = protobuf.Reader.create(buf);
  const out: Fields = new Map();
  while (r.pos < r.len) {
    const tag = r.uint32();
    const field = tag >>> 3;
    const wire = tag & 7;
    let value: Raw;
    if (wire === 2) value = r.bytes();
    else if (wire === 0) {
      value = protobuf.util.LongBits.from(r.int64()).toNumber();
    } else if (wire === 1 || wire === 5) {
      r.skipType(wire);
      value = Number.NaN; // fixed-width numbers appear in none of the kinds served; never "empty"
    } else {
      throw new ApiError('BadRequest', `the protobuf body is malformed: unexpected wire type ${wire} for field ${field}`);
    }
    const list = out.get(field) ?? [];
    list.push(value);
    out.set(field, list);
  }
  return out;
}

/** True when a value of a field we do not decode carries nothing: 0, empty bytes, or a message of such. */
function carriesNothing(v: Raw, depth = 0): boolean {
  if (typeof v === 'number') return v === 0;
  if (v.length === 0) return true;
  if (depth > 8) return false;
  try {
    return [...readFields(v).values()].every((vs) => vs.every((x) => carriesNothing(x, depth + 1)));
  } catch {
    return false; // not a message: a non-empty string or bytes
  }
}

const utf8 = (v: Raw): string => (v instanceof Uint8Array ? Buffer.from(v).toString('utf8') : String(v));

function readIntOrString(v: Raw): number | string {
  if (!(v instanceof Uint8Array)) return v;
  const f = readFields(v);
  const kind = f.get(1)?.[0] ?? 0;
  if (kind === 1) return utf8(f.get(3)?.[0] ?? new Uint8Array());
  const n = f.get(2)?.[0];
  return typeof n === 'number' ? n : 0;
}

const readQuantity = (v: Raw): string => (v instanceof Uint8Array ? utf8(readFields(v).get(1)?.[0] ?? new Uint8Array()) : String(v));

function readMapEntries(values: Raw[], of: 'string' | 'bytes' | 'quantity'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of values) {
    if (!(entry instanceof Uint8Array)) continue;
    const f = readFields(entry);
    const v = f.get(2)?.[0] ?? new Uint8Array();
    const key = utf8(f.get(1)?.[0] ?? new Uint8Array());
    out[key] = of === 'bytes' ? Buffer.from(v instanceof Uint8Array ? v : new Uint8Array()).toString('base64') : of === 'quantity' ? readQuantity(v) : utf8(v);
  }
  return out;
}

/** One scalar or message value of a field; undefined when it is a zero to leave out. */
function readValue(spec: FieldSpec, v: Raw, path: string): unknown {
  const t = spec.type;
  if (t === 'string') { const x = utf8(v); return x === '' && spec.pointer !== true ? undefined : x; }
  if (t === 'int') return v === 0 && spec.pointer !== true ? undefined : v;
  if (t === 'bool') return v === 0 ? (spec.pointer === true ? false : undefined) : true;
  if (t === 'bytes') return Buffer.from(v instanceof Uint8Array ? v : new Uint8Array()).toString('base64');
  if (t === 'intOrString') return readIntOrString(v);
  if (t === 'quantity') return readQuantity(v);
  if (t === 'ignored') return undefined;
  if ('message' in t) return readMessage(t.message, v instanceof Uint8Array ? v : new Uint8Array(), path);
  return undefined;
}

function readMessage(name: string, buf: Uint8Array, path: string): Record<string, unknown> {
  const spec = MESSAGES[name] ?? {};
  const out: Record<string, unknown> = {};
  for (const [num, values] of readFields(buf)) {
    const field = spec[num];
    if (field === undefined) {
      if (values.every((v) => carriesNothing(v))) continue;
      throw new ApiError('UnsupportedMediaType',
        `protobuf field ${num} of ${name}${path === '' ? '' : ` (at ${path})`} is not supported by this server; send JSON instead (for example with kubectl apply -f)`);
    }
    const at = field.json === '' ? path : path === '' ? field.json : `${path}.${field.json}`;
    if (typeof field.type === 'object' && 'map' in field.type) {
      const entries = readMapEntries(values, field.type.map);
      if (Object.keys(entries).length > 0) out[field.json] = entries;
      continue;
    }
    if (field.repeated === true) {
      out[field.json] = values.map((v, i) => readValue({ ...field, pointer: true }, v, `${at}[${i}]`));
      continue;
    }
    const last = values.at(-1);
    const value = last === undefined ? undefined : readValue(field, last, at);
    if (value === undefined) continue;
    if (field.json === '' && typeof value === 'object' && value !== null) Object.assign(out, value);
    else out[field.json] = value;
  }
  return out;
}

/** Decodes a protobuf request body into a JSON object of the kinds kubectl sends this way. */
export function decodeProtobufBody(body: Uint8Array): KubeObject {
  if (body.length < 4 || MAGIC.some((b, i) => body[i] !== b)) {
    throw new ApiError('BadRequest', 'the protobuf body does not start with the Kubernetes "k8s\\0" envelope');
  }
  const envelope = readFields(body.subarray(4));
  const typeMeta = envelope.get(1)?.[0];
  const tm = typeMeta instanceof Uint8Array ? readFields(typeMeta) : new Map<number, Raw[]>();
  const apiVersion = utf8(tm.get(1)?.[0] ?? new Uint8Array());
  const kind = utf8(tm.get(2)?.[0] ?? new Uint8Array());
  const message = PROTOBUF_KINDS[kind];
  if (message === undefined) {
    throw new ApiError('UnsupportedMediaType',
      `protobuf request bodies are not supported for ${kind || 'this kind'}; send JSON (for example with kubectl apply -f)`);
  }
  const raw = envelope.get(2)?.[0];
  const obj = readMessage(message, raw instanceof Uint8Array ? raw : new Uint8Array(), '');
  return decodeKubeObject({ apiVersion, kind, ...obj });
}
