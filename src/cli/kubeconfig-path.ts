// Which kubeconfig the CLI uses: --kubeconfig, then $KUBECONFIG, then ~/.sluice/kubeconfig when it exists (what
// `sluice up` writes), then ~/.kube/config. Errors name the file and why it was chosen.
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The chosen file and the rule that chose it. */
export interface KubeconfigChoice {
  path: string;
  source: '--kubeconfig' | '$KUBECONFIG' | 'sluice up' | 'default';
}

/**
 * Resolves the kubeconfig path. `$KUBECONFIG` may list several files (`a:b`); the first that exists is used
 * (kubectl merges them; Sluice reads one).
 */
export function resolveKubeconfig(flag: string | undefined, env: Readonly<Record<string, string | undefined>>, homeDir: string,
  exists: (path: string) => boolean = existsSync): KubeconfigChoice {
  if (flag !== undefined && flag !== '') return { path: flag, source: '--kubeconfig' };
  const fromEnv = (env['KUBECONFIG'] ?? '').split(delimiter).filter((p) => p !== '');
  if (fromEnv.length > 0) return { path: fromEnv.find((p) => exists(p)) ?? fromEnv[0] ?? '', source: '$KUBECONFIG' };
  const sluice = join(homeDir, '.sluice', 'kubeconfig');
  if (exists(sluice)) return { path: sluice, source: 'sluice up' };
  return { path: join(homeDir, '.kube', 'config'), source: 'default' };
}

/** `/home/me/.sluice/kubeconfig (written by sluice up)` — for messages. */
export function describeKubeconfig(choice: KubeconfigChoice): string {
  switch (choice.source) {
    case '--kubeconfig': return `${choice.path} (from --kubeconfig)`;
    case '$KUBECONFIG': return `${choice.path} (from $KUBECONFIG)`;
    case 'sluice up': return `${choice.path} (written by sluice up)`;
    case 'default': return `${choice.path} (the default)`;
  }
}
