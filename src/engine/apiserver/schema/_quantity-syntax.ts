// resource.Quantity syntax, as k8s.io/apimachinery's ParseQuantity accepts it.

const SPLIT_RE = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$';
const FORMAT_WRONG = `quantities must match the regular expression '${SPLIT_RE}'`;
const BAD_SUFFIX = "unable to parse quantity's suffix";
const SUFFIXES = new Set(['', 'n', 'u', 'm', 'k', 'M', 'G', 'T', 'P', 'E', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei']);

/**
 * Why `text` is not a quantity (the apimachinery error text), or undefined when it is one.
 * `"500m"`, `"1Gi"`, `"1e3"`, `"0.5"` are quantities; `"1GB"` and `""` are not; `"1kk"` has a bad suffix.
 */
export function quantityError(text: string): string | undefined {
  const s = text.trim();
  if (s === '') return FORMAT_WRONG;
  const m = /^[+-]?[0-9]*(?:\.[0-9]*)?((?:[eEinumkKMGTP]*)(?:[-+]?[0-9]*))$/.exec(s);
  if (m === null) return FORMAT_WRONG;
  const suffix = m[1] ?? '';
  if (SUFFIXES.has(suffix) || /^[eE][-+]?[0-9]+$/.test(suffix)) return undefined;
  return BAD_SUFFIX;
}
