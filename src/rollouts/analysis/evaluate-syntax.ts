// jsep configured for expr-lang's syntax: expr's binary operators with expr's precedences (parser/operator), the
// word operators (`and`, `or`, `not`, `in`, `matches`, `contains`, `startsWith`, `endsWith`, `not in` …), the
// literals `true`/`false`/`nil`, `#` pointers, and hooks for `{…}` (predicate closure or map literal), `.Field`
// (short for `#.Field` inside a closure) and backtick raw strings.
import jsep from 'jsep';

const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const PERIOD = 46;
const BACKTICK = 96;
const COLON = 58;
const COMMA = 44;

/** expr's binary operators and precedences (higher binds tighter); `**` and `^` are right-associative. */
const BINARY_OPS: readonly (readonly [string, number])[] = [
  ['||', 10], ['or', 10], ['&&', 15], ['and', 15],
  ['==', 20], ['!=', 20], ['<', 20], ['>', 20], ['<=', 20], ['>=', 20],
  ['in', 20], ['matches', 20], ['contains', 20], ['startsWith', 20], ['endsWith', 20],
  ['not in', 20], ['not matches', 20], ['not contains', 20], ['not startsWith', 20], ['not endsWith', 20],
  ['+', 30], ['-', 30], ['*', 60], ['/', 60], ['%', 60], ['??', 500],
];

let installed = false;

/** Configures the process-wide jsep parser for expr syntax (idempotent). */
export function installJsepSyntax(): void {
  if (installed) return;
  installed = true;
  jsep.removeAllBinaryOps();
  for (const [op, precedence] of BINARY_OPS) jsep.addBinaryOp(op, precedence);
  jsep.addBinaryOp('**', 100, true);
  jsep.addBinaryOp('^', 100, true);
  jsep.removeAllUnaryOps();
  for (const op of ['-', '+', '!', 'not']) jsep.addUnaryOp(op);
  jsep.removeAllLiterals();
  jsep.addLiteral('true', true);
  jsep.addLiteral('false', false);
  jsep.addLiteral('nil', null);
  jsep.addIdentifierChar('#');
  jsep.hooks.add('gobble-token', gobbleBrace);
  jsep.hooks.add('gobble-token', gobbleFieldShorthand);
  jsep.hooks.add('gobble-token', gobbleRawString);
}

type Env = { node?: jsep.Expression };

// Read through a function: jsep advances `index` behind TypeScript's back, so `code` must not be narrowed.
function codeOf(p: jsep.HookScope): number {
  return p.expr.charCodeAt(p.index);
}

// `{` starts a map literal when a key and a colon follow (or it is empty); otherwise a predicate closure.
const MAP_START = /^\s*(?:\}|(?:[A-Za-z_$][\w$]*|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|\d+)\s*:)/;

function gobbleBrace(this: jsep.HookScope, env: Env): void {
  if (this.code !== OPEN_BRACE) return;
  this.index++;
  if (MAP_START.test(this.expr.slice(this.index))) {
    env.node = this.gobbleTokenProperty(gobbleMapEntries(this));
    return;
  }
  const body = this.gobbleExpression();
  this.gobbleSpaces();
  if (codeOf(this) !== CLOSE_BRACE) this.throwError('Expected } to close the predicate');
  this.index++;
  env.node = { type: 'Closure', body };
}

function gobbleMapEntries(p: jsep.HookScope): jsep.Expression {
  const entries: { key: string; value: jsep.Expression }[] = [];
  for (;;) {
    p.gobbleSpaces();
    if (codeOf(p) === CLOSE_BRACE) { p.index++; return { type: 'MapLiteral', entries }; }
    if (entries.length > 0) {
      if (codeOf(p) !== COMMA) p.throwError('Expected , or } in map literal');
      p.index++;
      p.gobbleSpaces();
      if (codeOf(p) === CLOSE_BRACE) continue;
    }
    const keyNode = codeOf(p) === 39 || codeOf(p) === 34 ? p.gobbleStringLiteral() : p.gobbleIdentifier() ?? p.gobbleNumericLiteral();
    const key = keyNode?.['value'] ?? keyNode?.['name'];
    if (typeof key !== 'string' && typeof key !== 'number') p.throwError('Expected a map key');
    p.gobbleSpaces();
    if (codeOf(p) !== COLON) p.throwError('Expected : after map key');
    p.index++;
    entries.push({ key: String(key), value: p.gobbleExpression() });
  }
}

function gobbleFieldShorthand(this: jsep.HookScope, env: Env): void {
  if (this.code !== PERIOD) return;
  if (!/^[A-Za-z_$]/.test(this.expr.charAt(this.index + 1))) return;
  this.index++;
  const property = this.gobbleIdentifier();
  if (property === undefined) this.throwError('Expected a field name after "."');
  const node: jsep.Expression = { type: 'MemberExpression', computed: false, object: { type: 'Identifier', name: '#' }, property };
  env.node = this.gobbleTokenProperty(node);
}

function gobbleRawString(this: jsep.HookScope, env: Env): void {
  if (this.code !== BACKTICK) return;
  const end = this.expr.indexOf('`', this.index + 1);
  if (end < 0) this.throwError('literal not terminated');
  const value = this.expr.slice(this.index + 1, end);
  const raw = this.expr.slice(this.index, end + 1);
  this.index = end + 1;
  env.node = this.gobbleTokenProperty({ type: 'Literal', value, raw });
}
