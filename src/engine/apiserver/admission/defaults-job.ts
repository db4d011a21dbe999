// batch/v1 Job defaults (SetDefaults_Job, 1.32) and the selector the Job strategy generates on create.
import { asObject, asString, ensureObject, isAbsent, setDefault, stringMap, type JsonObject } from './_json.js';
import { defaultPodTemplate } from './defaults-pod.js';

/** The labels that tie a Job to its pods; the unprefixed ones are kept for older clients. */
export const JOB_LABELS = {
  controllerUid: 'batch.kubernetes.io/controller-uid',
  legacyControllerUid: 'controller-uid',
  jobName: 'batch.kubernetes.io/job-name',
  legacyJobName: 'job-name',
} as const;

/** SetDefaults_Job: completions/parallelism 1, backoffLimit 6, NonIndexed, not suspended, labels from the template. */
export function defaultJobFields(job: JsonObject): void {
  const spec = ensureObject(job, 'spec');
  if (spec === undefined) return;
  if (isAbsent(spec['completions']) && isAbsent(spec['parallelism'])) {
    spec['completions'] = 1;
    spec['parallelism'] = 1;
  }
  setDefault(spec, 'parallelism', 1);
  // With a per-index limit the global one is effectively unlimited (MaxInt32).
  setDefault(spec, 'backoffLimit', isAbsent(spec['backoffLimitPerIndex']) ? 6 : 2147483647);
  copyTemplateLabelsToJob(job);
  setDefault(spec, 'completionMode', 'NonIndexed');
  setDefault(spec, 'suspend', false);
  setDefault(spec, 'podReplacementPolicy', isAbsent(spec['podFailurePolicy']) ? 'TerminatingOrFailed' : 'Failed');
  setDefault(spec, 'manualSelector', false);
  defaultPodTemplate(spec);
}

/** A Job without labels takes its template's labels. */
export function copyTemplateLabelsToJob(job: JsonObject): void {
  const templateLabels = asObject(asObject(asObject(asObject(job['spec'])?.['template'])?.['metadata'])?.['labels']);
  const meta = ensureObject(job, 'metadata');
  if (meta !== undefined && templateLabels !== undefined && Object.keys(asObject(meta['labels']) ?? {}).length === 0) {
    meta['labels'] = { ...templateLabels };
  }
}

/**
 * generateSelector (Job strategy, create only): unless manualSelector is true, adds job-name and
 * controller-uid labels (both spellings) to the template and selects `batch.kubernetes.io/controller-uid`.
 * Labels the user already set are left alone; validation then reports any conflict.
 */
export function generateJobSelector(job: JsonObject, uid: string): void {
  const spec = asObject(job['spec']);
  const template = spec === undefined ? undefined : ensureObject(spec, 'template');
  const templateMeta = template === undefined ? undefined : ensureObject(template, 'metadata');
  if (spec === undefined || templateMeta === undefined || spec['manualSelector'] === true) return;
  const name = asString(asObject(job['metadata'])?.['name']) ?? '';
  const labels = stringMap(templateMeta['labels']);
  const wanted: Array<[string, string]> = [
    [JOB_LABELS.legacyJobName, name], [JOB_LABELS.jobName, name], [JOB_LABELS.legacyControllerUid, uid], [JOB_LABELS.controllerUid, uid],
  ];
  for (const [k, v] of wanted) if (!(k in labels)) labels[k] = v;
  templateMeta['labels'] = { ...(asObject(templateMeta['labels']) ?? {}), ...labels };
  const selector = ensureObject(spec, 'selector');
  const matchLabels = selector === undefined ? undefined : ensureObject(selector, 'matchLabels');
  if (matchLabels !== undefined && isAbsent(matchLabels[JOB_LABELS.controllerUid])) matchLabels[JOB_LABELS.controllerUid] = uid;
}
