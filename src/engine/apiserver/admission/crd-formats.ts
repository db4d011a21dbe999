// The string formats kube-apiserver checks in custom resources (apiextensions supportedFormats). Any other
// `format` is ignored, as Kubernetes strips it. Names are compared with dashes removed (`date-time` = `datetime`).
import { isIP, isIPv4, isIPv6 } from 'node:net';

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const UUID3 = /^[0-9a-f]{8}-?[0-9a-f]{4}-?3[0-9a-f]{3}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const UUID4 = /^[0-9a-f]{8}-?[0-9a-f]{4}-?4[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$/i;
const UUID5 = /^[0-9a-f]{8}-?[0-9a-f]{4}-?5[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$/i;
const BYTE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:?\d{2})?$/;
const HOSTNAME_LABEL = /^[a-zA-Z0-9]([-a-zA-Z0-9]{0,61}[a-zA-Z0-9])?$/;
const MAC = /^(?:[0-9a-fA-F]{2}(?:[:-][0-9a-fA-F]{2}){5}|[0-9a-fA-F]{2}(?:[:-][0-9a-fA-F]{2}){7}|[0-9a-fA-F]{2}(?:[:-][0-9a-fA-F]{2}){19}|[0-9a-fA-F]{4}(?:\.[0-9a-fA-F]{4}){2,9})$/;
const OCTET = '(0|[1-9]\\d?|1\\d\\d|2[0-4]\\d|25[0-5])';
const RGB = new RegExp(`^rgb\\(\\s*${OCTET}\\s*,\\s*${OCTET}\\s*,\\s*${OCTET}\\s*\\)$`);
const CREDIT_CARD = /^(?:4[0-9]{12}(?:[0-9]{3})?|5[1-5][0-9]{14}|6(?:011|5[0-9][0-9])[0-9]{12}|3[47][0-9]{13}|3(?:0[0-5]|[68][0-9])[0-9]{11}|(?:2131|1800|35\d{3})\d{11})$/;
const GO_DURATION = /^[-+]?((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+$/;
const WORD_DURATION = /^(\d+)\s*(ns|us|µs|ms|s|m|h|d|w|nanoseconds?|microseconds?|milliseconds?|seconds?|minutes?|hours?|days?|weeks?)$/;

function validDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

function isDateTime(v: string): boolean {
  const m = DATE_TIME.exec(v);
  if (m === null) return false;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number);
  return validDate(y ?? 0, mo ?? 0, d ?? 0) && (h ?? 99) < 24 && (mi ?? 99) < 60 && (s ?? 99) < 61;
}

function isDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  return m !== null && validDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

function isCidr(v: string): boolean {
  const slash = v.indexOf('/');
  if (slash < 0) return false;
  const bits = v.slice(slash + 1);
  const family = isIP(v.slice(0, slash));
  return family !== 0 && /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

function isISBN10(v: string): boolean {
  const s = v.replace(/[\s-]/g, '');
  if (!/^[0-9]{9}[0-9X]$/.test(s)) return false;
  const sum = [...s].reduce((n, c, i) => n + (c === 'X' ? 10 : Number(c)) * (10 - i), 0);
  return sum % 11 === 0;
}

function isISBN13(v: string): boolean {
  const s = v.replace(/[\s-]/g, '');
  if (!/^[0-9]{13}$/.test(s)) return false;
  const sum = [...s].reduce((n, c, i) => n + Number(c) * (i % 2 === 0 ? 1 : 3), 0);
  return sum % 10 === 0;
}

function isHostname(v: string): boolean {
  return v.length > 0 && v.length <= 255 && v.split('.').every((l) => HOSTNAME_LABEL.test(l));
}

/** Checkers by normalized format name. */
const CHECKERS: Record<string, (v: string) => boolean> = {
  bsonobjectid: (v) => /^[0-9a-fA-F]{24}$/.test(v),
  uri: (v) => /^([a-zA-Z][a-zA-Z0-9+.-]*:|\/)\S*$/.test(v),
  email: (v) => /^(?:[^<>]*<)?[^\s@<>]+@[^\s@<>]+>?$/.test(v),
  hostname: isHostname,
  ipv4: (v) => isIPv4(v),
  ipv6: (v) => isIPv6(v),
  cidr: isCidr,
  mac: (v) => MAC.test(v),
  uuid: (v) => UUID.test(v),
  uuid3: (v) => UUID3.test(v),
  uuid4: (v) => UUID4.test(v),
  uuid5: (v) => UUID5.test(v),
  isbn: (v) => isISBN10(v) || isISBN13(v),
  isbn10: isISBN10,
  isbn13: isISBN13,
  creditcard: (v) => { const d = v.replace(/\D/g, ''); return CREDIT_CARD.test(d) && luhn(d); },
  ssn: (v) => /^\d{3}[- ]?\d{2}[- ]?\d{4}$/.test(v),
  hexcolor: (v) => /^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(v),
  rgbcolor: (v) => RGB.test(v),
  byte: (v) => BYTE.test(v),
  password: () => true,
  date: isDate,
  duration: (v) => v === '0' || GO_DURATION.test(v) || WORD_DURATION.test(v.trim()),
  datetime: isDateTime,
};

/** The checker for a schema `format`, or undefined when Kubernetes ignores that format. */
export function formatChecker(format: string): ((v: string) => boolean) | undefined {
  const normalized = format.replace(/-/g, '');
  return Object.prototype.hasOwnProperty.call(CHECKERS, normalized) ? CHECKERS[normalized] : undefined;
}
