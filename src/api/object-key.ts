// Branded keys for objects: `namespace/name`, or `name` for cluster-scoped objects.

declare const objectKeyBrand: unique symbol;
/** `namespace/name` (or `name` when cluster-scoped); a distinct type so it is not mixed with names. */
export type ObjectKey = string & { readonly [objectKeyBrand]: true };

/** Builds the key of an object from namespace and name. */
export function objectKey(namespace: string | undefined, name: string): ObjectKey {
  return (namespace ? `${namespace}/${name}` : name) as ObjectKey;
}

/** Builds the key of an object from its metadata. */
export function keyOf(obj: { metadata: { namespace?: string; name?: string } }): ObjectKey {
  return objectKey(obj.metadata.namespace, obj.metadata.name ?? '');
}

/** Splits a key back into namespace ('' when cluster-scoped) and name. */
export function splitKey(key: ObjectKey): [namespace: string, name: string] {
  const slash = key.indexOf('/');
  return slash < 0 ? ['', key] : [key.slice(0, slash), key.slice(slash + 1)];
}
