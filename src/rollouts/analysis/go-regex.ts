// Go (RE2) regular expressions as analysis specs use them (`dryRun[].metricName`, `measurementRetention[].metricName`,
// the `matches` operator of conditions), compiled to JavaScript RegExps. RE2 runs in linear time; JavaScript's engine
// backtracks, so patterns with nested repetition (`(a+)+`, `(a|aa)*`), which RE2 accepts but which can take
// exponential time here, are refused instead of risking a hung controller.

/** A compiled pattern, or why it was refused (in Go's wording where Go refuses it too). */
export type GoRegex = { ok: true; re: RegExp } | { ok: false; error: string };

const UNSUPPORTED = ['(?=', '(?!', '(?<=', '(?<!', '\\Q', '[[:'];

/**
 * Compiles a Go regular expression: a leading `(?i)`/`(?s)`/`(?m)` flag group becomes JavaScript flags, `(?P<n>…)`
 * becomes `(?<n>…)`, `\A`/`\z` become `^`/`$`. Lookaround and back-references (which RE2 lacks) are errors.
 * `compileGoRegex('^canary-.*')` matches "canary-errors"; `compileGoRegex('(a+)+$')` is refused.
 */
export function compileGoRegex(pattern: string): GoRegex {
  let body = pattern;
  let flags = '';
  const lead = /^\(\?([ims]+)\)/.exec(body);
  if (lead !== null) {
    flags = [...new Set(lead[1] ?? '')].join('');
    body = body.slice(lead[0].length);
  }
  const bad = UNSUPPORTED.find((u) => body.includes(u)) ?? (/\\[1-9]/.test(body) ? '\\1' : undefined);
  if (bad !== undefined) return { ok: false, error: `error parsing regexp: invalid or unsupported Perl syntax: \`${bad}\`` };
  if (/\(\?[a-zA-Z]/.test(body.replace(/\(\?P</g, ''))) return { ok: false, error: 'error parsing regexp: inline flags are only supported at the start' };
  if (hasNestedRepetition(body)) return { ok: false, error: 'error parsing regexp: nested repetition is not supported (it could take exponential time)' };
  const js = body.replace(/\(\?P</g, '(?<').replace(/\\A/g, '^').replace(/\\z/g, '$');
  try {
    return { ok: true, re: new RegExp(js, flags) };
  } catch (e) {
    return { ok: false, error: `error parsing regexp: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** True when a repeated group itself contains a repetition or an alternation (star height above one). */
function hasNestedRepetition(body: string): boolean {
  // For each open group: does it contain a quantifier or `|`?
  const stack: boolean[] = [];
  let lastClosedRisky = false;
  let inClass = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\') { i++; lastClosedRisky = false; continue; }
    if (inClass) { if (c === ']') inClass = false; continue; }
    const quantifier = c === '*' || c === '+' || c === '?' || (c === '{' && /^\{\d+(,\d*)?\}/.test(body.slice(i)));
    if (quantifier) {
      // `?` right after `(` is a group modifier, and after another quantifier it makes it lazy.
      if (c === '?' && (body[i - 1] === '(' || '*+?}'.includes(body[i - 1] ?? ''))) continue;
      if (lastClosedRisky) return true;
      if (stack.length > 0) stack[stack.length - 1] = true;
      lastClosedRisky = false;
      continue;
    }
    lastClosedRisky = false;
    if (c === '[') inClass = true;
    else if (c === '(') stack.push(false);
    else if (c === '|' && stack.length > 0) stack[stack.length - 1] = true;
    else if (c === ')') {
      const risky = stack.pop() ?? false;
      lastClosedRisky = risky;
      if (risky && stack.length > 0) stack[stack.length - 1] = true;
    }
  }
  return false;
}

/** Go's `regexp.MatchString(pattern, s)` as Argo calls it: an invalid pattern simply does not match. */
export function goRegexMatches(pattern: string, s: string): boolean {
  const r = compileGoRegex(pattern);
  return r.ok && r.re.test(s);
}
