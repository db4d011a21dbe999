// The JSON boundary of the client: response bodies arrive as `unknown` and are checked here, once, before
// anything else sees them. The client trusts the server for the object's type beyond its basic shape.
import { apiVersionOf, type ResourceType } from '../api/resources.js';
import { isJsonObject, type KubeList, type KubeObject, type ListMeta, type WatchEvent } from '../api/meta.js';

function isWireObject<T extends KubeObject>(x: unknown): x is T {
  return isJsonObject(x) && typeof x['apiVersion'] === 'string' && typeof x['kind'] === 'string' && isJsonObject(x['metadata']);
}

/**
 * Decodes one object. Items of a list arrive without `apiVersion`/`kind` from real API servers; they are
 * filled in from the resource type, as informers need them.
 */
export function decodeObject<T extends KubeObject>(t: ResourceType, value: unknown): T {
  if (!isJsonObject(value)) throw new TypeError(`Cannot decode ${t.resource}: expected a JSON object, got ${typeof value}`);
  const filled = {
    ...value,
    apiVersion: typeof value['apiVersion'] === 'string' && value['apiVersion'] !== '' ? value['apiVersion'] : apiVersionOf(t),
    kind: typeof value['kind'] === 'string' && value['kind'] !== '' ? value['kind'] : t.kind,
    metadata: isJsonObject(value['metadata']) ? value['metadata'] : {},
  };
  if (!isWireObject<T>(filled)) throw new TypeError(`Cannot decode ${t.resource}: malformed object`);
  return filled;
}

function decodeListMeta(value: unknown): ListMeta {
  if (!isJsonObject(value)) return {};
  const meta: ListMeta = {};
  if (typeof value['resourceVersion'] === 'string') meta.resourceVersion = value['resourceVersion'];
  if (typeof value['continue'] === 'string' && value['continue'] !== '') meta.continue = value['continue'];
  if (typeof value['remainingItemCount'] === 'number') meta.remainingItemCount = value['remainingItemCount'];
  return meta;
}

/** Decodes a list response (`items` may be null or absent when empty). */
export function decodeList<T extends KubeObject>(t: ResourceType, value: unknown): KubeList<T> {
  if (!isJsonObject(value)) throw new TypeError(`Cannot decode ${t.resource} list: expected a JSON object`);
  const raw = value['items'];
  if (raw !== undefined && raw !== null && !Array.isArray(raw)) throw new TypeError(`Cannot decode ${t.resource} list: items must be an array`);
  return {
    apiVersion: typeof value['apiVersion'] === 'string' ? value['apiVersion'] : apiVersionOf(t),
    kind: typeof value['kind'] === 'string' ? value['kind'] : `${t.kind}List`,
    metadata: decodeListMeta(value['metadata']),
    items: (raw ?? []).map((item: unknown) => decodeObject<T>(t, item)),
  };
}

const EVENT_TYPES = ['ADDED', 'MODIFIED', 'DELETED', 'BOOKMARK', 'ERROR'] as const;
type EventType = (typeof EVENT_TYPES)[number];

function isEventType(x: unknown): x is EventType {
  return EVENT_TYPES.some((e) => e === x);
}

/** A decoded watch event: an object event, or the Status body of an ERROR event. */
export type DecodedEvent<T extends KubeObject> =
  | { readonly kind: 'event'; readonly event: WatchEvent<T> }
  | { readonly kind: 'error'; readonly status: unknown };

/** Decodes one watch event line. */
export function decodeWatchEvent<T extends KubeObject>(t: ResourceType, value: unknown): DecodedEvent<T> {
  if (!isJsonObject(value) || !isEventType(value['type'])) throw new TypeError(`Cannot decode ${t.resource} watch event: unknown event type`);
  const type = value['type'];
  if (type === 'ERROR') return { kind: 'error', status: value['object'] };
  return { kind: 'event', event: { type, object: decodeObject<T>(t, value['object']) } };
}
