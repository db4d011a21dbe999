// metav1.LabelSelector validation and the "does the selector select the template" rule of workloads.
import { fieldErr, type FieldError } from '../../../api/field-error.js';
import { matchesSelector, type LabelSelector, type LabelSelectorRequirement } from '../../../api/label-selector.js';
import { child, index, invalidEach } from './_field.js';
import { asArray, asObject, asString, isAbsent, objectsOf, stringMap } from './_json.js';
import { validateLabels } from './object-meta.js';
import { isQualifiedName, isValidLabelValue } from './metadata.js';

const OPERATORS = new Set(['In', 'NotIn', 'Exists', 'DoesNotExist']);

function validateRequirement(expr: Record<string, unknown>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const operator = asString(expr['operator']) ?? '';
  const values = (asArray(expr['values']) ?? []).filter((v): v is string => typeof v === 'string');
  if (operator === 'In' || operator === 'NotIn') {
    if (values.length === 0) errs.push(fieldErr.required(child(path, 'values'), "must be specified when `operator` is 'In' or 'NotIn'"));
  } else if (operator === 'Exists' || operator === 'DoesNotExist') {
    if (values.length > 0) errs.push(fieldErr.forbidden(child(path, 'values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
  } else {
    errs.push(fieldErr.invalid(child(path, 'operator'), operator, 'not a valid selector operator'));
  }
  const k = asString(expr['key']) ?? '';
  errs.push(...invalidEach(child(path, 'key'), k, isQualifiedName(k)));
  values.forEach((v, i) => errs.push(...invalidEach(index(child(path, 'values'), i), v, isValidLabelValue(v))));
  return errs;
}

/** ValidateLabelSelector: matchLabels as labels, each matchExpression's operator, key and values. */
export function validateLabelSelector(selector: unknown, path: string): FieldError[] {
  const sel = asObject(selector);
  if (sel === undefined) return [];
  const errs = validateLabels(sel['matchLabels'], child(path, 'matchLabels'));
  objectsOf(sel['matchExpressions']).forEach((e, i) => errs.push(...validateRequirement(e, index(child(path, 'matchExpressions'), i))));
  return errs;
}

/** The selector as the api type, or undefined when it is missing or cannot be converted (LabelSelectorAsSelector fails). */
export function toLabelSelector(selector: unknown): LabelSelector | undefined {
  const sel = asObject(selector);
  if (sel === undefined) return undefined;
  const matchExpressions: LabelSelectorRequirement[] = [];
  for (const e of objectsOf(sel['matchExpressions'])) {
    const operator = asString(e['operator']) ?? '';
    if (!isOperator(operator)) return undefined;
    const values = (asArray(e['values']) ?? []).filter((v): v is string => typeof v === 'string');
    if ((operator === 'In' || operator === 'NotIn') && values.length === 0) return undefined;
    matchExpressions.push({ key: asString(e['key']) ?? '', operator, values });
  }
  return { matchLabels: stringMap(sel['matchLabels']), matchExpressions };
}

function isOperator(op: string): op is LabelSelectorRequirement['operator'] {
  return OPERATORS.has(op);
}

/**
 * Workload rule: a missing selector selects nothing, so the template never matches; an empty selector
 * (`{}`) selects everything and is not checked here. Reports `<templatePath>.metadata.labels`.
 */
export function selectorMatchesTemplate(selector: unknown, template: unknown, templatePath: string): FieldError[] {
  const meta = asObject(asObject(template)?.['metadata']);
  const labels = stringMap(meta?.['labels']);
  const sel = toLabelSelector(selector);
  const selects = isAbsent(selector) ? false : sel === undefined || isEverything(sel) || matchesSelector(sel, labels);
  if (selects) return [];
  const shown = isAbsent(meta?.['labels']) ? null : meta?.['labels'];
  return [fieldErr.invalid(child(child(templatePath, 'metadata'), 'labels'), shown, '`selector` does not match template `labels`')];
}

function isEverything(sel: LabelSelector): boolean {
  return Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0;
}
