// Canary step validation (validation.go, the per-step part) and antiAffinity.
import type { FieldError } from '../../api/field-error.js';
import { fieldErr } from '../../api/field-error.js';
import type { AntiAffinity, CanaryStep, CanaryStrategy, StringMatch } from '../../api/rollouts-v1alpha1.js';
import { gatewayAPIConfigOf } from '../../api/rollouts-gateway-api.js';
import { type RO, maxTrafficWeightOf } from './rollout-defaults.js';
import { pauseDurationSeconds } from './pause-duration.js';
import { fieldOfRollout } from './analysis-args.js';

const STEP_MESSAGE = 'Step must have one of the following set: experiment, setWeight, setCanaryScale, plugin or pause';
const ACTIONS = ['setWeight', 'pause', 'experiment', 'analysis', 'setCanaryScale', 'setHeaderRoute', 'setMirrorRoute', 'plugin'] as const;

/** Errors of one step at `path` (`spec.strategy.steps[2]`). */
export function validateStep(ro: RO, canary: Readonly<CanaryStrategy>, step: Readonly<CanaryStep>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const tr = canary.trafficRouting;
  const set = ACTIONS.filter((k) => step[k] !== undefined);
  const has = (k: (typeof ACTIONS)[number]): boolean => step[k] !== undefined;
  const argoFour = ['setWeight', 'pause', 'experiment', 'analysis'] as const;
  if (argoFour.filter(has).length > 1) {
    errs.push(fieldErr.invalid(path, `step.Experiment: ${has('experiment')} step.Pause: ${has('pause')} step.SetWeight: ${has('setWeight')} step.Analysis: ${has('analysis')}`, STEP_MESSAGE));
  } else if (set.length > 1) {
    // Argo only notices two of setWeight/pause/experiment/analysis; Sluice reports any two actions.
    errs.push(fieldErr.invalid(path, `step has ${set.join(' and ')}`, STEP_MESSAGE));
  }
  if (set.length === 0) {
    errs.push(fieldErr.invalid(path, 'step.Experiment: true step.Pause: true step.SetWeight: true step.Analysis: true step.SetCanaryScale: true step.SetHeaderRoute: true step.SetMirrorRoute: true step.Plugin: true', STEP_MESSAGE));
  }
  const mw = maxTrafficWeightOf(ro);
  if (step.setWeight !== undefined && (step.setWeight < 0 || step.setWeight > mw)) errs.push(fieldErr.invalid(`${path}.setWeight`, step.setWeight, `SetWeight needs to be between 0 and ${mw}`));
  if (step.pause !== undefined && pauseDurationSeconds(step.pause) < 0) errs.push(fieldErr.invalid(`${path}.pause.duration`, pauseDurationSeconds(step.pause), 'Duration needs to be greater than 0'));
  if (step.setCanaryScale !== undefined && tr === undefined) errs.push(fieldErr.required('spec.strategy.trafficRouting', 'SetCanaryScale requires TrafficRouting to be set'));
  errs.push(...validateRouteSteps(canary, step, path));
  errs.push(...validateStepAnalysisArgs(ro, step, path));
  errs.push(...unsupportedBySluice(step, path));
  return errs;
}

function validateRouteSteps(canary: Readonly<CanaryStrategy>, step: Readonly<CanaryStep>, path: string): FieldError[] {
  const tr = canary.trafficRouting;
  const errs: FieldError[] = [];
  const headerCapable = tr !== undefined && (tr.istio !== undefined || tr.alb !== undefined || tr.apisix !== undefined || Object.keys(tr.plugins ?? {}).length > 0 || gatewayAPIConfigOf(tr) !== undefined);
  if (step.setHeaderRoute !== undefined) {
    if (!headerCapable) errs.push(fieldErr.invalid(`${path}.setHeaderRoute`, step.setHeaderRoute, 'SetHeaderRoute requires TrafficRouting, supports Istio and ALB and Apisix'));
    else (step.setHeaderRoute.match ?? []).forEach((m, j) => errs.push(...matchErrors(m.headerValue, `${path}.setHeaderRoute.match[${j}]`, tr.alb !== undefined)));
  }
  if (step.setMirrorRoute !== undefined) {
    const mirrorCapable = tr !== undefined && (tr.istio !== undefined || Object.keys(tr.plugins ?? {}).length > 0);
    if (!mirrorCapable) errs.push(fieldErr.invalid(`${path}.setMirrorRoute`, step.setMirrorRoute, 'SetMirrorRoute requires TrafficRouting, supports Istio and Plugins'));
    (step.setMirrorRoute.match ?? []).forEach((m, j) => {
      for (const sm of [m.method, m.path]) if (sm !== undefined) errs.push(...matchErrors(sm, `${path}.setMirrorRoute.match[${j}]`, false));
    });
  }
  if (tr !== undefined && (step.setHeaderRoute !== undefined || step.setMirrorRoute !== undefined)) {
    if (tr.managedRoutes === undefined) {
      errs.push(fieldErr.required('spec.strategy.trafficRouting.managedRoutes', "Rollout has missing field 'spec.strategy.canary.trafficRouting.managedRoutes'"));
    } else {
      const names = tr.managedRoutes.map((r) => r.name);
      const route = step.setHeaderRoute ?? step.setMirrorRoute;
      const field = step.setHeaderRoute !== undefined ? 'setHeaderRoute' : 'setMirrorRoute';
      if (!names.includes(route?.name ?? '')) errs.push(fieldErr.invalid(`${path}.${field}`, route?.name ?? '', 'Steps define a route that does not exist in spec.strategy.canary.trafficRouting.managedRoutes'));
    }
  }
  return errs;
}

function matchErrors(m: StringMatch | undefined, path: string, albOnlyExact: boolean): FieldError[] {
  if (m === undefined) return [fieldErr.invalid(path, null, 'StringMatch value missed, match value must have one of the following: exact, regex, prefix')];
  const set = [m.exact, m.prefix, m.regex].filter((x) => x !== undefined && x !== '').length;
  if (albOnlyExact && ((m.exact ?? '') === '' || (m.regex ?? '') !== '' || (m.prefix ?? '') !== '')) {
    return [fieldErr.invalid(path, m, "SetHeaderRoute match value invalid. ALB supports 'exact' value only")];
  }
  if (set === 0) return [fieldErr.invalid(path, m, 'StringMatch value missed, match value must have one of the following: exact, regex, prefix')];
  return set > 1 ? [fieldErr.invalid(path, m, 'StringMatch match value must have exactly one of the following: exact, regex, prefix')] : [];
}

function validateStepAnalysisArgs(ro: RO, step: Readonly<CanaryStep>, path: string): FieldError[] {
  const args = [...(step.analysis?.args ?? []), ...(step.experiment?.analyses ?? []).flatMap((a) => a.args ?? [])];
  const bad = args.some((a) => {
    const fp = a.valueFrom?.fieldRef?.fieldPath;
    return fp !== undefined && fp.startsWith('metadata') && !fieldOfRollout(ro, fp).ok;
  });
  return bad ? [fieldErr.invalid(`${path}.analyses`, args, 'Analyses arguments must refer to valid object metadata supported by downwardAPI')] : [];
}

// Sluice runs no Experiment controller and no step plugins: say so instead of waiting at the step forever.
function unsupportedBySluice(step: Readonly<CanaryStep>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (step.experiment !== undefined) errs.push(fieldErr.forbidden(`${path}.experiment`, 'experiment steps are not supported by Sluice yet'));
  if (step.plugin !== undefined) errs.push(fieldErr.forbidden(`${path}.plugin`, 'step plugins are not supported by Sluice'));
  return errs;
}

/** antiAffinity: exactly one of preferred/required; preferred weight 1–100. */
export function validateAntiAffinity(aa: Readonly<AntiAffinity> | undefined, path: string): FieldError[] {
  if (aa === undefined) return [];
  const preferred = aa.preferredDuringSchedulingIgnoredDuringExecution;
  const required = aa.requiredDuringSchedulingIgnoredDuringExecution;
  const errs: FieldError[] = [];
  if ((preferred === undefined) === (required === undefined)) {
    const v = `antiAffinity.PreferredDuringSchedulingIgnoredDuringExecution: ${preferred !== undefined} antiAffinity.RequiredDuringSchedulingIgnoredDuringExecution: ${required !== undefined}`;
    errs.push(fieldErr.invalid(path, v, 'AntiAffinity must have exactly one strategy listed'));
  }
  if (preferred !== undefined && (preferred.weight < 1 || preferred.weight > 100)) errs.push(fieldErr.invalid(`${path}.weight`, preferred.weight, 'AntiAffinity weight must be between 1-100'));
  return errs;
}
