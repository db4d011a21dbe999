// Exhaustiveness check for discriminated unions.

/** Called in the default branch of an exhaustive switch; throws if reached at run time. */
export function assertNever(x: never, what = 'value'): never {
  throw new TypeError(`unexpected ${what}: ${JSON.stringify(x)}`);
}
