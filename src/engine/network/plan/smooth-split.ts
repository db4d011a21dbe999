// Smooth weighted round-robin (nginx's upstream algorithm) between two peers, main and canary, as one number.
// ingress-nginx draws `math.random(total) <= weight` per request, so 10,000 requests at weight 10 give about
// 1,000 ± 60 canary answers; the smooth split gives exactly `weight` of every `total` consecutive requests.
//
// State: nginx keeps a current weight per peer; for two peers their sum is 0 after every pick, so the canary's
// current weight `c` is the whole state (main's is -c). Each request adds the weights (c + w, -c + total - w),
// picks the larger (ties go to main, listed first) and subtracts `total` from the winner.

/** The decision for one request and the state to keep for the next one. */
export interface SplitStep {
  readonly canary: boolean;
  readonly state: number;
}

/**
 * One step of the split. Weight 10 of 100 from state 0: main, main, main, main, main, canary (state -40), then
 * a canary every 10th request; weight ≤ 0 never picks the canary, weight ≥ total always does.
 */
export function stepSmoothSplit(state: number, weight: number, total: number): SplitStep {
  if (weight <= 0) return { canary: false, state: 0 };
  if (weight >= total) return { canary: true, state: 0 };
  const canaryCurrent = state + weight;
  const mainCurrent = -state + (total - weight);
  return canaryCurrent > mainCurrent ? { canary: true, state: canaryCurrent - total } : { canary: false, state: canaryCurrent };
}
