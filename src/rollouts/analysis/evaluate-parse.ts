// Parsing the condition language (the part of expr-lang/expr that Argo users write) with jsep, configured for expr's
// operators and precedences, plus hooks for expr's predicate closures `{# > 1}` / `{.Field > 1}`, map literals and
// backtick strings. The jsep tree is converted into our own closed ExprNode union; nothing is ever evaluated as
// JavaScript. jsep is configured process-wide here; nothing else in Sluice uses jsep.
import jsep from 'jsep';
import { isJsonObject } from '../../api/meta.js';
import { installJsepSyntax } from './evaluate-syntax.js';

/** A parsed condition: a closed set of node shapes the interpreter understands. */
export type ExprNode =
  | { readonly type: 'literal'; readonly value: null | boolean | number | string }
  | { readonly type: 'ident'; readonly name: string }
  | { readonly type: 'field'; readonly object: ExprNode; readonly name: string; readonly optional: boolean }
  | { readonly type: 'index'; readonly object: ExprNode; readonly index: ExprNode; readonly optional: boolean }
  | { readonly type: 'call'; readonly callee: string; readonly args: readonly ExprNode[] }
  | { readonly type: 'unary'; readonly op: string; readonly arg: ExprNode }
  | { readonly type: 'binary'; readonly op: string; readonly left: ExprNode; readonly right: ExprNode }
  | { readonly type: 'conditional'; readonly test: ExprNode; readonly then: ExprNode; readonly otherwise: ExprNode }
  | { readonly type: 'array'; readonly elements: readonly ExprNode[] }
  | { readonly type: 'map'; readonly entries: readonly { readonly key: string; readonly value: ExprNode }[] }
  | { readonly type: 'closure'; readonly body: ExprNode };

/** A parse result: the tree, or the parser's message. */
export type Parsed = { ok: true; node: ExprNode } | { ok: false; error: string };

/** Longest condition accepted (a guard against pathological input; real conditions are a line or two). */
export const MAX_EXPRESSION_LENGTH = 16_384;

installJsepSyntax();

/** Parses one expression. `parseExpression('result[0] >= 0.95')` → binary(>=, index(result, 0), 0.95). */
export function parseExpression(text: string): Parsed {
  if (text.length > MAX_EXPRESSION_LENGTH) return { ok: false, error: `expression longer than ${MAX_EXPRESSION_LENGTH} characters` };
  if (text.trim() === '') return { ok: false, error: 'unexpected token EOF' };
  try {
    return { ok: true, node: convert(jsep(text)) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

type J = jsep.Expression;

function isNode(x: unknown): x is J {
  return isJsonObject(x) && typeof x['type'] === 'string';
}

function child(n: J, key: string): ExprNode {
  const c = n[key];
  if (!isNode(c)) throw new SyntaxError(`malformed expression near ${n.type}`);
  return convert(c);
}

function children(n: J, key: string): ExprNode[] {
  const list = n[key];
  if (!Array.isArray(list)) throw new SyntaxError(`malformed expression near ${n.type}`);
  return list.map((c) => {
    if (!isNode(c)) throw new SyntaxError('unexpected empty element');
    return convert(c);
  });
}

function text(n: J, key: string): string {
  const v = n[key];
  if (typeof v !== 'string') throw new SyntaxError(`malformed expression near ${n.type}`);
  return v;
}

/** jsep node → ExprNode; anything outside the language (this, sequences, compound statements) is an error. */
function convert(n: J): ExprNode {
  switch (n.type) {
    case 'Literal': {
      const v = n['value'];
      if (v === null || typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string') return { type: 'literal', value: v };
      throw new SyntaxError('unsupported literal');
    }
    case 'Identifier': return { type: 'ident', name: text(n, 'name') };
    case 'MemberExpression': return convertMember(n);
    case 'CallExpression': {
      const callee = n['callee'];
      if (!isNode(callee) || callee.type !== 'Identifier') throw new SyntaxError('only built-in functions can be called');
      return { type: 'call', callee: text(callee, 'name'), args: children(n, 'arguments') };
    }
    case 'UnaryExpression': return { type: 'unary', op: text(n, 'operator'), arg: child(n, 'argument') };
    case 'BinaryExpression': return { type: 'binary', op: text(n, 'operator'), left: child(n, 'left'), right: child(n, 'right') };
    case 'ConditionalExpression': return { type: 'conditional', test: child(n, 'test'), then: child(n, 'consequent'), otherwise: child(n, 'alternate') };
    case 'ArrayExpression': return { type: 'array', elements: children(n, 'elements') };
    case 'Closure': return { type: 'closure', body: child(n, 'body') };
    case 'MapLiteral': return convertMap(n);
    case 'Compound': throw new SyntaxError('unexpected token: only one expression is allowed');
    default: throw new SyntaxError(`unsupported syntax (${n.type})`);
  }
}

function convertMember(n: J): ExprNode {
  const object = child(n, 'object');
  const optional = n['optional'] === true;
  const property = n['property'];
  if (n['computed'] === true) return { type: 'index', object, index: child(n, 'property'), optional };
  if (!isNode(property) || property.type !== 'Identifier') throw new SyntaxError('expected a field name after "."');
  return { type: 'field', object, name: text(property, 'name'), optional };
}

function convertMap(n: J): ExprNode {
  const list = n['entries'];
  if (!Array.isArray(list)) throw new SyntaxError('malformed map literal');
  const entries = list.map((e) => {
    if (!isJsonObject(e) || typeof e['key'] !== 'string' || !isNode(e['value'])) throw new SyntaxError('malformed map literal');
    return { key: e['key'], value: convert(e['value']) };
  });
  return { type: 'map', entries };
}
