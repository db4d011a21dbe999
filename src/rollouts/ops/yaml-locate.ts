// Finding the line of a field path in a parsed YAML document, so lint problems can say `file.yaml:23`.
import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter } from 'yaml';
import type { PathSegment } from './field-schema.js';

function child(node: unknown, seg: PathSegment): { node: unknown; keyOffset?: number } | undefined {
  if (typeof seg === 'number') return isSeq(node) ? { node: node.items[seg] } : undefined;
  if (!isMap(node)) return undefined;
  for (const item of node.items) {
    if (!isPair(item) || !isScalar(item.key) || String(item.key.value) !== seg) continue;
    const keyOffset = item.key.range?.[0];
    return keyOffset === undefined ? { node: item.value } : { node: item.value, keyOffset };
  }
  return undefined;
}

function offsetOf(node: unknown): number | undefined {
  if (typeof node !== 'object' || node === null || !('range' in node)) return undefined;
  const range: unknown = Reflect.get(node, 'range');
  return Array.isArray(range) && typeof range[0] === 'number' ? range[0] : undefined;
}

/**
 * The 1-based line of `path` in `doc` (of its key when the last segment is a key), or of the deepest part of the path
 * that exists; the document's first line for an empty path.
 */
export function locate(doc: Document, lines: LineCounter, path: readonly PathSegment[]): number | undefined {
  let node: unknown = doc.contents;
  let offset = offsetOf(node);
  for (const seg of path) {
    const next = child(node, seg);
    if (next === undefined) break;
    offset = next.keyOffset ?? offsetOf(next.node) ?? offset;
    node = next.node;
  }
  return offset === undefined ? undefined : lines.linePos(offset).line;
}
