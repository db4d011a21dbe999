// `create analysisrun --from TEMPLATE` (utils/analysis NewAnalysisRunFromUnstructured): an AnalysisRun with the
// template's spec, its args merged with `-a name=value` values; every arg must end up with a value.
import type { AnalysisRun, AnalysisTemplate, Argument, ClusterAnalysisTemplate } from '../../api/rollouts-v1alpha1.js';

/** Name and namespace of the run to build: `name`, or `generateName` (default `<template>-`). */
export interface RunNaming { name?: string; generateName?: string; namespace: string; instanceId?: string }

/** `-a k=v` flags parsed; an entry without `=` is an error (`arguments must be in the form NAME=VALUE`). */
export function parseArgFlags(flags: readonly string[]): { ok: true; args: Argument[] } | { ok: false; error: string } {
  const args: Argument[] = [];
  for (const f of flags) {
    const eq = f.indexOf('=');
    if (eq < 0) return { ok: false, error: 'arguments must be in the form NAME=VALUE' };
    args.push({ name: f.slice(0, eq), value: f.slice(eq + 1) });
  }
  return { ok: true, args };
}

/** The template's args with values from `incoming` where names match; unresolved ones are an error. */
export function mergeTemplateArgs(incoming: readonly Argument[], templateArgs: readonly Argument[]): { ok: true; args: Argument[] } | { ok: false; error: string } {
  const args = templateArgs.map((a) => {
    const given = incoming.find((i) => i.name === a.name);
    if (given?.value !== undefined) return { ...a, value: given.value };
    if (given?.valueFrom !== undefined) return { ...a, valueFrom: given.valueFrom };
    return a;
  });
  const missing = args.find((a) => a.value === undefined && a.valueFrom === undefined);
  return missing === undefined ? { ok: true, args } : { ok: false, error: `args.${missing.name} was not resolved` };
}

/** The AnalysisRun for `template` (namespaced or cluster-scoped) with `args`. */
export function buildRunFromTemplate(template: Readonly<AnalysisTemplate | ClusterAnalysisTemplate>, args: readonly Argument[], naming: RunNaming): { ok: true; run: AnalysisRun } | { ok: false; error: string } {
  const merged = template.spec.args === undefined ? { ok: true as const, args: [...args] } : mergeTemplateArgs(args, template.spec.args);
  if (!merged.ok) return merged;
  const templateName = template.metadata.name ?? '';
  const generateName = naming.name === undefined ? naming.generateName ?? `${templateName}-` : undefined;
  if (naming.name === undefined && generateName === '-') return { ok: false, error: 'name is invalid' };
  const labels = { ...(template.metadata.labels ?? {}), ...(naming.instanceId !== undefined ? { 'argo-rollouts.argoproj.io/controller-instance-id': naming.instanceId } : {}) };
  const { templates: _nested, ...spec } = template.spec;
  const run: AnalysisRun = {
    apiVersion: 'argoproj.io/v1alpha1', kind: 'AnalysisRun',
    metadata: {
      ...(naming.name !== undefined ? { name: naming.name } : {}), ...(generateName !== undefined ? { generateName } : {}),
      namespace: naming.namespace, ...(Object.keys(labels).length > 0 ? { labels } : {}),
      ...(template.metadata.annotations !== undefined ? { annotations: template.metadata.annotations } : {}),
    },
    spec: { ...spec, metrics: spec.metrics ?? [], ...(merged.args.length > 0 ? { args: merged.args } : {}) },
  };
  return { ok: true, run };
}
