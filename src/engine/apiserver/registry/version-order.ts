// Kubernetes version priority: GA before beta before alpha, higher numbers first, others last (alphabetical).

const PATTERN = /^v(\d+)(?:(alpha|beta)(\d+))?$/;

function rank(v: string): [tier: number, major: number, minor: number] {
  const m = PATTERN.exec(v);
  if (!m) return [3, 0, 0];
  const tier = m[2] === undefined ? 0 : m[2] === 'beta' ? 1 : 2;
  return [tier, Number(m[1]), Number(m[3] ?? 0)];
}

/** Sort comparator putting the most preferred version first: v1, v1beta2, v1beta1, v1alpha1, foo. */
export function compareVersionPriority(a: string, b: string): number {
  const [ta, ma, na] = rank(a);
  const [tb, mb, nb] = rank(b);
  if (ta !== tb) return ta - tb;
  if (ta === 3) return a < b ? -1 : a > b ? 1 : 0;
  if (ma !== mb) return mb - ma;
  return nb - na;
}
