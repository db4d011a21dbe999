// Name, label and key syntax checks with Kubernetes' (apimachinery util/validation, 1.32) messages.
// Each check returns the list of problems; an empty list means the value is valid.
import { byteLength } from './_json.js';

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_LABEL_MSG = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1123_SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const DNS1035_LABEL_FMT = '[a-z]([-a-z0-9]*[a-z0-9])?';
const DNS1035_LABEL_MSG = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";
const WILDCARD_FMT = `\\*\\.${DNS1123_SUBDOMAIN_FMT}`;
const WILDCARD_MSG = "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character";
const QNAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const QNAME_MSG = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const LABEL_VALUE_FMT = `(${QNAME_FMT})?`;
const LABEL_VALUE_MSG = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const CONFIG_KEY_FMT = '[-._a-zA-Z0-9]+';
const CONFIG_KEY_MSG = "a valid config key must consist of alphanumeric characters, '-', '_' or '.'";
const ENV_NAME_FMT = '[-._a-zA-Z][-._a-zA-Z0-9]*';
const ENV_NAME_MSG = "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit";
const PERCENT_FMT = '[0-9]+%';
const PERCENT_MSG = "a valid percent string must be a numeric string followed by an ending '%'";
const HEADER_FMT = '[-A-Za-z0-9]+';
const HEADER_MSG = "a valid HTTP header must consist of alphanumeric characters or '-'";

const whole = (fmt: string): RegExp => new RegExp(`^${fmt}$`);
const DNS1123_LABEL = whole(DNS1123_LABEL_FMT);
const DNS1123_SUBDOMAIN = whole(DNS1123_SUBDOMAIN_FMT);
const DNS1035_LABEL = whole(DNS1035_LABEL_FMT);

/** `must be no more than 63 characters` */
export function maxLenError(n: number): string {
  return `must be no more than ${n} characters`;
}

/** apimachinery RegexError: `<msg> (e.g. 'a',  or 'b', regex used for validation is '<fmt>')` (the double space is Kubernetes'). */
export function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  const eg = examples.map((e, i) => `${i > 0 ? ' or ' : ''}'${e}', `).join('');
  return `${msg} (e.g. ${eg}regex used for validation is '${fmt}')`;
}

/** `must be between 1 and 65535, inclusive` */
export function inclusiveRangeError(lo: number, hi: number): string {
  return `must be between ${lo} and ${hi}, inclusive`;
}

/** A DNS (RFC 1123) label: at most 63 characters of `[a-z0-9-]`, alphanumeric at both ends. */
export function isDNS1123Label(v: string): string[] {
  const errs = byteLength(v) > 63 ? [maxLenError(63)] : [];
  if (!DNS1123_LABEL.test(v)) {
    errs.push(DNS1123_SUBDOMAIN.test(v) ? 'must not contain dots' : regexError(DNS1123_LABEL_MSG, DNS1123_LABEL_FMT, 'my-name', '123-abc'));
  }
  return errs;
}

/** A DNS (RFC 1123) subdomain: dot-separated labels, at most 253 characters. */
export function isDNS1123Subdomain(v: string): string[] {
  const errs = byteLength(v) > 253 ? [maxLenError(253)] : [];
  if (!DNS1123_SUBDOMAIN.test(v)) errs.push(regexError(DNS1123_SUBDOMAIN_MSG, DNS1123_SUBDOMAIN_FMT, 'example.com'));
  return errs;
}

/** A DNS (RFC 1035) label: like RFC 1123 but must start with a letter (Service names, CRD names). */
export function isDNS1035Label(v: string): string[] {
  const errs = byteLength(v) > 63 ? [maxLenError(63)] : [];
  if (!DNS1035_LABEL.test(v)) errs.push(regexError(DNS1035_LABEL_MSG, DNS1035_LABEL_FMT, 'my-name', 'abc-123'));
  return errs;
}

/** `*.example.com` */
export function isWildcardDNS1123Subdomain(v: string): string[] {
  const errs = byteLength(v) > 253 ? [maxLenError(253)] : [];
  if (!whole(WILDCARD_FMT).test(v)) errs.push(regexError(WILDCARD_MSG, WILDCARD_FMT, '*.example.com'));
  return errs;
}

/** A qualified name (label and annotation keys): `[prefix/]name`, prefix a DNS subdomain, name ≤ 63. */
export function isQualifiedName(v: string): string[] {
  const parts = v.split('/');
  const nameError = regexError(QNAME_MSG, QNAME_FMT, 'MyName', 'my.name', '123-abc');
  if (parts.length > 2) {
    return [`a qualified name ${nameError} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
  }
  const errs: string[] = [];
  const name = parts.length === 2 ? (parts[1] ?? '') : (parts[0] ?? '');
  if (parts.length === 2) {
    const prefix = parts[0] ?? '';
    if (prefix === '') errs.push('prefix part must be non-empty');
    else errs.push(...isDNS1123Subdomain(prefix).map((m) => `prefix part ${m}`));
  }
  if (name === '') errs.push('name part must be non-empty');
  else if (byteLength(name) > 63) errs.push(`name part ${maxLenError(63)}`);
  if (!whole(QNAME_FMT).test(name)) errs.push(`name part ${nameError}`);
  return errs;
}

/** A label value: empty, or ≤ 63 characters of `[-A-Za-z0-9_.]` with alphanumeric ends. */
export function isValidLabelValue(v: string): string[] {
  const errs = byteLength(v) > 63 ? [maxLenError(63)] : [];
  if (!whole(LABEL_VALUE_FMT).test(v)) errs.push(regexError(LABEL_VALUE_MSG, LABEL_VALUE_FMT, 'MyValue', 'my_value', '12345'));
  return errs;
}

function chdirPrefix(v: string): string[] {
  if (v === '.') return ["must not be '.'"];
  if (v === '..') return ["must not be '..'"];
  return v.startsWith('..') ? ["must not start with '..'"] : [];
}

/** A ConfigMap or Secret key: `[-._a-zA-Z0-9]+`, not `.`/`..`, at most 253 characters. */
export function isConfigMapKey(v: string): string[] {
  const errs = byteLength(v) > 253 ? [maxLenError(253)] : [];
  if (!whole(CONFIG_KEY_FMT).test(v)) errs.push(regexError(CONFIG_KEY_MSG, CONFIG_KEY_FMT, 'key.name', 'KEY_NAME', 'key-name'));
  return [...errs, ...chdirPrefix(v)];
}

/** An environment variable name (strict form; RelaxedEnvironmentVariableValidation is off in 1.32). */
export function isEnvVarName(v: string): string[] {
  const errs = whole(ENV_NAME_FMT).test(v) ? [] : [regexError(ENV_NAME_MSG, ENV_NAME_FMT, 'my.env-name', 'MY_ENV.NAME', 'MyEnvName1')];
  return [...errs, ...chdirPrefix(v)];
}

/** An IANA service (port) name: ≤ 15 of `[-a-z0-9]`, at least one letter, no `--`, no hyphen at the ends. */
export function isValidPortName(v: string): string[] {
  const errs = byteLength(v) > 15 ? [maxLenError(15)] : [];
  if (!/^[-a-z0-9]+$/.test(v)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(v)) errs.push('must contain at least one letter (a-z)');
  if (v.includes('--')) errs.push('must not contain consecutive hyphens');
  if (v.startsWith('-') || v.endsWith('-')) errs.push('must not begin or end with a hyphen');
  return errs;
}

/** A port number in 1–65535. */
export function isValidPortNum(n: number): string[] {
  return n >= 1 && n <= 65535 ? [] : [inclusiveRangeError(1, 65535)];
}

/** `25%` */
export function isValidPercent(v: string): string[] {
  return whole(PERCENT_FMT).test(v) ? [] : [regexError(PERCENT_MSG, PERCENT_FMT, '1%', '93%')];
}

/** An HTTP header name. */
export function isHTTPHeaderName(v: string): string[] {
  return whole(HEADER_FMT).test(v) ? [] : [regexError(HEADER_MSG, HEADER_FMT, 'X-Header-Name')];
}

/** Checks an object name; `prefix` is true for generateName, whose trailing '-' is allowed. */
export type NameValidator = (name: string, prefix: boolean) => string[];

// Kubernetes' maskTrailingDash: a generateName may end in '-' because a suffix follows.
const masked = (name: string, prefix: boolean): string =>
  prefix && name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name;

/** NameIsDNSSubdomain (most kinds). */
export const nameIsDNSSubdomain: NameValidator = (name, prefix) => isDNS1123Subdomain(masked(name, prefix));
/** NameIsDNSLabel (namespaces). */
export const nameIsDNSLabel: NameValidator = (name, prefix) => isDNS1123Label(masked(name, prefix));
/** NameIsDNS1035Label (services). */
export const nameIsDNS1035Label: NameValidator = (name, prefix) => isDNS1035Label(masked(name, prefix));
