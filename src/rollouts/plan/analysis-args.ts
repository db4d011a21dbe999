// Analysis arguments: resolving a Rollout's args (values, pod-template hashes, fields of the Rollout) and merging
// them over a template's (utils/analysis/factory.go BuildArgumentsForRolloutAnalysisRun, helpers.go MergeArgs).
import type { Argument, AnalysisRunArgument } from '../../api/rollouts-v1alpha1.js';
import { isJsonObject } from '../../api/meta.js';
import type { RO } from './rollout-defaults.js';
import { type RS, podHashOf } from './replica-set-counts.js';

/** Resolved arguments, or the first error Argo would report. */
export type ArgsResult = { ok: true; args: Argument[] } | { ok: false; error: string };

/**
 * The Rollout-side args with their values: `value`, `podTemplateHashValue` (Stable → stable RS hash, Latest → new
 * RS hash), or `fieldRef` (downward-API `metadata.*`, or any dotted/indexed path into the Rollout ending in a
 * primitive, e.g. `spec.template.spec.containers[0].image`).
 */
export function resolveRolloutArgs(args: readonly AnalysisRunArgument[] | undefined, ro: RO, stableRS: RS | undefined, newRS: RS | undefined): ArgsResult {
  const out: Argument[] = [];
  for (const arg of args ?? []) {
    let value = arg.value ?? '';
    const from = arg.valueFrom;
    if (from?.podTemplateHashValue !== undefined) {
      value = from.podTemplateHashValue === 'Latest' ? podHashOf(newRS) : podHashOf(stableRS);
    } else if (from?.fieldRef !== undefined) {
      const r = fieldOfRollout(ro, from.fieldRef.fieldPath);
      if (!r.ok) return r;
      value = r.value;
    }
    out.push({ name: arg.name, value });
  }
  return { ok: true, args: out };
}

/** A field of the Rollout as a string (downward-API syntax under `metadata`). */
export function fieldOfRollout(ro: RO, path: string): { ok: true; value: string } | { ok: false; error: string } {
  if (path.startsWith('metadata')) return downwardField(ro, path);
  let cur: unknown = ro;
  for (const section of path.split(/[.[\]]+/).filter((s) => s !== '')) {
    if (Array.isArray(cur)) {
      if (!/^\d+$/.test(section)) return { ok: false, error: `invalid index '${section}'` };
      const i = Number(section);
      if (i >= cur.length) return { ok: false, error: `index ${i} out of range` };
      cur = cur[i];
    } else if (isJsonObject(cur)) {
      cur = cur[section];
    } else {
      return { ok: false, error: `invalid path ${path} in rollout` };
    }
  }
  if (cur === undefined || cur === null) return { ok: false, error: `invalid path ${path} in rollout` };
  if (typeof cur === 'object') return { ok: false, error: `path ${path} in rollout must terminate in a primitive value` };
  return { ok: true, value: String(cur) };
}

function downwardField(ro: RO, path: string): { ok: true; value: string } | { ok: false; error: string } {
  const m = /^metadata\.(labels|annotations)\['([^']*)'\]$/.exec(path);
  if (m !== null) {
    const map = m[1] === 'labels' ? ro.metadata.labels : ro.metadata.annotations;
    return { ok: true, value: map?.[m[2] ?? ''] ?? '' };
  }
  switch (path) {
    case 'metadata.name': return { ok: true, value: ro.metadata.name ?? '' };
    case 'metadata.namespace': return { ok: true, value: ro.metadata.namespace ?? '' };
    case 'metadata.uid': return { ok: true, value: ro.metadata.uid ?? '' };
    default: return { ok: false, error: `unsupported fieldPath: ${path}` };
  }
}

/**
 * The template's args with the Rollout's laid over them by name (args the template does not declare are ignored);
 * every arg must end with a value or valueFrom: "args.<name> was not resolved".
 */
export function mergeArgs(incoming: readonly Argument[], templateArgs: readonly Argument[]): ArgsResult {
  const merged = templateArgs.map((a) => ({ ...a }));
  for (const arg of incoming) {
    const i = merged.findIndex((a) => a.name === arg.name);
    const target = merged[i];
    if (target === undefined) continue;
    if (arg.value !== undefined) merged[i] = { ...target, value: arg.value };
    else if (arg.valueFrom !== undefined) merged[i] = { ...target, valueFrom: arg.valueFrom };
  }
  const unresolved = merged.find((a) => a.value === undefined && a.valueFrom === undefined);
  return unresolved !== undefined ? { ok: false, error: `args.${unresolved.name} was not resolved` } : { ok: true, args: merged };
}
