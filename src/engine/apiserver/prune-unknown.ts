// Drops fields a built-in kind does not have, as decoding JSON into the Go types does on a real server.
import { isJsonObject } from '../../api/meta.js';
import { childNode, itemNode, type TypeNode } from './schema/index.js';

/** A copy of `value` keeping only what `node` describes (maps keep every key; `any` keeps everything). */
export function pruneUnknown(value: unknown, node: TypeNode | undefined): unknown {
  if (node === undefined) return value;
  if (Array.isArray(value)) {
    const items = itemNode(node);
    return items === undefined ? value : value.map((v) => pruneUnknown(v, items));
  }
  if (!isJsonObject(value) || (node.t !== 'object' && node.t !== 'map')) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const child = childNode(node, k);
    if (child === undefined && node.t === 'object') continue;
    out[k] = pruneUnknown(v, child);
  }
  return out;
}
