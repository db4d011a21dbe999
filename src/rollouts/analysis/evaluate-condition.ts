// Judging a measured value (utils/evaluate/evaluate.go): `successCondition` / `failureCondition` evaluated with
// `result` bound to the value, combined as Argo's EvaluateResult does; and `evalTime` for Prometheus range-query
// bounds (`now() - duration("1h")`).
import type { AnalysisPhase } from '../../api/rollouts-constants.js';
import { evaluateNode, type ExprEnv } from './evaluate-expression.js';
import { parseExpression } from './evaluate-parse.js';
import { ExprTime, typeName } from './evaluate-values.js';

/** A condition's value, or expr's error message. */
export type ConditionValue = { ok: true; value: boolean } | { ok: false; error: string };

/** A measurement's phase from its conditions, or the message of an evaluation Error. */
export type Judgement = { ok: true; phase: AnalysisPhase } | { ok: false; error: string };

/** The two conditions of a metric. */
export interface Conditions {
  successCondition?: string;
  failureCondition?: string;
}

function run(expression: string, env: ExprEnv): { ok: true; value: unknown } | { ok: false; error: string } {
  const parsed = parseExpression(expression);
  if (!parsed.ok) return parsed;
  try {
    return { ok: true, value: evaluateNode(parsed.node, env) };
  } catch (e) {
    if (e instanceof Error && (e.name === 'EvalError' || e instanceof RangeError)) return { ok: false, error: e.message };
    throw e;
  }
}

/** Evaluates one condition with `result` bound to `result` (undefined counts as nil); it must yield a bool. */
export function evalCondition(result: unknown, condition: string, nowMs: number): ConditionValue {
  const value = result === undefined ? null : result;
  const out = run(condition, { vars: new Map([['result', value]]), result: value, nowMs });
  if (!out.ok) return out;
  if (typeof out.value !== 'boolean') return { ok: false, error: `expected bool, but got ${typeName(out.value)}` };
  return { ok: true, value: out.value };
}

/** True when a value is nil or an empty array (Argo's isNilOrEmpty, which words the evaluation error). */
export function isNilOrEmpty(result: unknown): boolean {
  return result === null || result === undefined || (Array.isArray(result) && result.length === 0);
}

function evalError(kind: string, expression: string, result: unknown, error: string): Judgement {
  if (isNilOrEmpty(result)) {
    return { ok: false, error: `could not evaluate ${kind} "${expression}": metric result is nil or empty: no data returned from the metric provider` };
  }
  return { ok: false, error: `could not evaluate ${kind} "${expression}": ${error}` };
}

/**
 * Argo's EvaluateResult. Neither condition: Successful. Only success: Failed when false. Only failure: Successful
 * when false. Both: failure true → Failed (even if success is also true), success true → Successful, else
 * Inconclusive. An evaluation error is `{ ok: false }` with Argo's message.
 */
export function evaluateResult(result: unknown, metric: Readonly<Conditions>, nowMs: number): Judgement {
  const success = metric.successCondition ?? '';
  const failure = metric.failureCondition ?? '';
  let successValue = false;
  let failureValue = false;
  if (success !== '') {
    const v = evalCondition(result, success, nowMs);
    if (!v.ok) return evalError('successCondition', success, result, v.error);
    successValue = v.value;
  }
  if (failure !== '') {
    const v = evalCondition(result, failure, nowMs);
    if (!v.ok) return evalError('failureCondition', failure, result, v.error);
    failureValue = v.value;
  }
  if (success === '' && failure === '') return { ok: true, phase: 'Successful' };
  if (failure === '') failureValue = !successValue;
  if (success === '') successValue = !failureValue;
  if (failureValue) return { ok: true, phase: 'Failed' };
  return { ok: true, phase: successValue ? 'Successful' : 'Inconclusive' };
}

/** Evaluates a time expression (`now()`, `now() - duration("5m")`) to epoch milliseconds. */
export function evalTime(expression: string, nowMs: number): { ok: true; ms: number } | { ok: false; error: string } {
  const out = run(expression, { vars: new Map(), result: null, nowMs });
  if (!out.ok) return out;
  if (!(out.value instanceof ExprTime)) return { ok: false, error: `expected time.Time, but got ${typeName(out.value)}` };
  return { ok: true, ms: out.value.ms };
}
