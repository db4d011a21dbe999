// `lint -f FILE` (cmd/lint/lint.go), offline: every Rollout of a multi-document YAML/JSON file is checked for
// unknown fields and wrong types (strict decoding), validated with the controller's validateRollout, and checked
// against the Services, Ingresses and AnalysisTemplates the same file defines. Unlike Argo, every problem is reported.
import { Document, LineCounter, parseAllDocuments } from 'yaml';
import type { Service } from '../../api/core-v1.js';
import { isJsonObject, splitApiVersion } from '../../api/meta.js';
import type { AnalysisTemplate, ClusterAnalysisTemplate, Rollout } from '../../api/rollouts-v1alpha1.js';
import { formatArgoFieldError, validateRollout } from '../plan/index.js';
import { checkValue, formatPath, type FieldProblem, type FieldSchema, type ModelResolver, type PathSegment } from './field-schema.js';
import { loadK8sModels } from './k8s-model-schema.js';
import { missingReferences, validateFileReferences, type FileObjects } from './lint-references.js';
import { locate } from './yaml-locate.js';
import { ROLLOUT_SCHEMA } from './rollout-field-schema.js';

/** One finding. `field` is empty for problems of the document as a whole (YAML syntax). */
export interface LintProblem {
  line?: number;
  /** `Rollout "demo"` or `document 2`. */
  object: string;
  field: string;
  message: string;
  severity: 'error' | 'warning' | 'note';
}

/** The outcome for one file. */
export interface LintReport { rollouts: number; problems: LintProblem[] }

interface ParsedDoc { doc: Document; value: Record<string, unknown>; index: number }

const STRICT_SCHEMAS: readonly [group: string, version: string | undefined, kind: string, schema: FieldSchema][] = [
  ['argoproj.io', undefined, 'Rollout', ROLLOUT_SCHEMA],
  ['', 'v1', 'Service', { t: 'model', name: 'V1Service' }],
  ['networking.k8s.io', 'v1', 'Ingress', { t: 'model', name: 'V1Ingress' }],
];

function objectLabel(v: Record<string, unknown>, index: number): string {
  const meta = v['metadata'];
  const name = isJsonObject(meta) && typeof meta['name'] === 'string' ? meta['name'] : '';
  const kind = typeof v['kind'] === 'string' ? v['kind'] : '';
  return kind !== '' && name !== '' ? `${kind} "${name}"` : `document ${index + 1}`;
}

function typeOf(v: Record<string, unknown>): { group: string; version: string; kind: string } {
  const [group, version] = splitApiVersion(typeof v['apiVersion'] === 'string' ? v['apiVersion'] : '');
  return { group, version, kind: typeof v['kind'] === 'string' ? v['kind'] : '' };
}

function parseDocs(text: string, lines: LineCounter, problems: LintProblem[]): ParsedDoc[] {
  const out: ParsedDoc[] = [];
  parseAllDocuments(text, { lineCounter: lines }).forEach((doc, index) => {
    const err = doc.errors[0];
    if (err !== undefined) {
      const line = err.linePos?.[0].line;
      problems.push({ ...(line !== undefined ? { line } : {}), object: `document ${index + 1}`, field: '', message: err.message.split('\n')[0] ?? err.message, severity: 'error' });
      return;
    }
    const value: unknown = doc.toJS();
    if (value === null || value === undefined) return;
    if (!isJsonObject(value)) problems.push({ object: `document ${index + 1}`, field: '', message: 'expected a Kubernetes object (a mapping)', severity: 'error' });
    else out.push({ doc, value, index });
  });
  return out;
}

function collect(docs: readonly ParsedDoc[]): FileObjects & { rollouts: ParsedDoc[] } {
  const file: FileObjects & { rollouts: ParsedDoc[] } = { services: new Map(), ingresses: new Map(), analysisTemplates: new Map(), clusterAnalysisTemplates: new Map(), rollouts: [] };
  for (const d of docs) {
    const { group, kind } = typeOf(d.value);
    const meta = d.value['metadata'];
    const name = isJsonObject(meta) && typeof meta['name'] === 'string' ? meta['name'] : '';
    if (group === 'argoproj.io' && kind === 'Rollout') file.rollouts.push(d);
    else if (group === '' && kind === 'Service' && isService(d.value)) file.services.set(name, d.value);
    else if ((group === 'networking.k8s.io' || group === 'extensions') && kind === 'Ingress') file.ingresses.set(name, d.value);
    else if (group === 'argoproj.io' && kind === 'AnalysisTemplate' && isTemplate(d.value)) file.analysisTemplates.set(name, { ...d.value, kind: 'AnalysisTemplate' });
    else if (group === 'argoproj.io' && kind === 'ClusterAnalysisTemplate' && isTemplate(d.value)) file.clusterAnalysisTemplates.set(name, { ...d.value, kind: 'ClusterAnalysisTemplate' });
  }
  return file;
}

// Shape guards after strict checking: what validateRollout and the reference checks rely on.
function isService(v: Record<string, unknown>): v is Record<string, unknown> & Service {
  return isJsonObject(v['metadata']) && (v['spec'] === undefined || isJsonObject(v['spec']));
}
function isTemplate(v: Record<string, unknown>): v is Record<string, unknown> & (AnalysisTemplate | ClusterAnalysisTemplate) {
  return isJsonObject(v['metadata']) && isJsonObject(v['spec']);
}
function isRollout(v: Record<string, unknown>): v is Record<string, unknown> & Rollout {
  const spec = v['spec'];
  return isJsonObject(v['metadata']) && isJsonObject(spec) && isJsonObject(spec['strategy']);
}

function strictProblems(d: ParsedDoc, models: ModelResolver): FieldProblem[] {
  const { group, version, kind } = typeOf(d.value);
  const entry = STRICT_SCHEMAS.find(([g, v, k]) => g === group && (v === undefined || v === version) && k === kind);
  const out: FieldProblem[] = [];
  if (entry !== undefined) checkValue(d.value, entry[3], [], models, out);
  return out;
}

function semanticProblems(value: Record<string, unknown>, file: FileObjects): { errors: ReturnType<typeof validateRollout>; notes: string[] } {
  const spec = isJsonObject(value['spec']) ? value['spec'] : {};
  const normalized = { ...value, spec: { ...spec, strategy: isJsonObject(spec['strategy']) ? spec['strategy'] : {} } };
  if (!isRollout(normalized)) return { errors: [], notes: [] };
  return { errors: [...validateRollout(normalized), ...validateFileReferences(normalized, file)], notes: missingReferences(normalized, file) };
}

// Argo reports canary/blue-green fields as `spec.strategy.<field>` (without `canary.`); put the key back to find
// the line: `spec.strategy.steps[0].setWeight` → spec, strategy, canary, steps, 0, setWeight.
function pathOf(field: string, value: Record<string, unknown>): PathSegment[] {
  const path: PathSegment[] = field.split(/\.|(?=\[)/).map((s) => (/^\[\d+\]$/.test(s) ? Number(s.slice(1, -1)) : s)).filter((s) => s !== '');
  const spec = value['spec'];
  const strategy = isJsonObject(spec) && isJsonObject(spec['strategy']) ? spec['strategy'] : {};
  const key = ['canary', 'blueGreen'].find((k) => k in strategy);
  if (path[0] === 'spec' && path[1] === 'strategy' && key !== undefined && path[2] !== undefined && path[2] !== key && path[2] !== 'strategy') path.splice(2, 0, key);
  return path;
}

/** The Rollouts of a manifest text (shape-checked) and the objects they may reference; YAML errors as messages. */
export function readManifestObjects(text: string): { rollouts: Rollout[]; file: FileObjects; errors: string[] } {
  const problems: LintProblem[] = [];
  const docs = parseDocs(text, new LineCounter(), problems);
  const { rollouts, ...file } = collect(docs);
  const valid = rollouts.flatMap((d) => (isRollout(d.value) ? [d.value] : []));
  return { rollouts: valid, file, errors: problems.map((p) => `${p.line !== undefined ? `line ${p.line}: ` : ''}${p.message}`) };
}

/** Strict field problems of one object (Rollout, Service, networking/v1 Ingress; other kinds have none). */
export async function checkObjectFields(value: Record<string, unknown>): Promise<FieldProblem[]> {
  return strictProblems({ doc: new Document(value), value, index: 0 }, await loadK8sModels());
}

/** Lints the text of one manifest file. */
export async function lintManifests(text: string): Promise<LintReport> {
  const problems: LintProblem[] = [];
  const lines = new LineCounter();
  const docs = parseDocs(text, lines, problems);
  const file = collect(docs);
  const models = await loadK8sModels();
  for (const d of docs) {
    const object = objectLabel(d.value, d.index);
    const at = (path: readonly PathSegment[]): { line?: number } => { const line = locate(d.doc, lines, path); return line === undefined ? {} : { line }; };
    const strict = strictProblems(d, models);
    for (const p of strict) problems.push({ ...at(p.path), object, field: formatPath(p.path), message: p.message, severity: p.severity });
    if (!file.rollouts.includes(d) || strict.some((p) => p.severity === 'error' && p.message.startsWith('expected'))) continue;
    let checked: ReturnType<typeof semanticProblems>;
    try {
      checked = semanticProblems(d.value, file);
    } catch (e) {
      // A shape the strict check let through but validation cannot read (e.g. `steps: [null]`).
      problems.push({ ...at([]), object, field: '', message: `cannot validate: ${e instanceof Error ? e.message : String(e)}`, severity: 'error' });
      continue;
    }
    const { errors, notes } = checked;
    for (const e of errors) problems.push({ ...at(pathOf(e.field, d.value)), object, field: e.field, message: formatArgoFieldError(e).slice(e.field.length + 2), severity: 'error' });
    for (const n of notes) problems.push({ ...at([]), object, field: '', message: `${n} is not defined in this file; not checked`, severity: 'note' });
  }
  return { rollouts: file.rollouts.length, problems };
}
