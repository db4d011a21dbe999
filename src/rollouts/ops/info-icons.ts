// The icons `kubectl argo rollouts get` prints (pkg/kubectl-argo-rollouts/info): one per status, one per kind.

/** Status icons. */
export const ICON = {
  waiting: '◷', progressing: '◌', warning: '⚠', unknown: '?', ok: '✔', bad: '✖', paused: '॥', neutral: '•',
} as const;

/** Kind icons of the tree. */
export const KIND_ICON = {
  rollout: '⟳', revision: '#', replicaSet: '⧉', pod: '□', job: '⊞', experiment: 'Σ', analysisRun: 'α',
} as const;

/** Rollout phase → icon (`Healthy` ✔, `Progressing` ◌, `Paused` ॥, `Degraded` ✖); a blank when unknown. */
export function rolloutIcon(status: string): string {
  switch (status) {
    case 'Progressing': return ICON.progressing;
    case 'Error': case 'InvalidSpec': return ICON.warning;
    case 'Paused': return ICON.paused;
    case 'Healthy': return ICON.ok;
    case 'Degraded': return ICON.bad;
    case 'Unknown': return ICON.unknown;
    case 'ScaledDown': return ICON.neutral;
    default: return ' ';
  }
}

/** ReplicaSet health → icon (`ReplicaFailure` ✖, `ScaledDown` •). */
export function replicaSetIcon(status: string): string {
  switch (status) {
    case 'Progressing': return ICON.progressing;
    case 'Healthy': return ICON.ok;
    case 'ReplicaFailure': return ICON.bad;
    case 'ScaledDown': return ICON.neutral;
    default: return ' ';
  }
}

/** Analysis phase → icon (`Pending` ◷, `Running` ◌, `Successful` ✔, `Failed` ✖, `Error` ⚠, `Inconclusive` ?). */
export function analysisIcon(phase: string): string {
  switch (phase) {
    case 'Successful': return ICON.ok;
    case 'Inconclusive': return ICON.unknown;
    case 'Failed': return ICON.bad;
    case 'Error': return ICON.warning;
    case 'Running': return ICON.progressing;
    case 'Pending': return ICON.waiting;
    default: return ' ';
  }
}

const POD_ICONS: Readonly<Record<string, string>> = {
  Pending: ICON.progressing, Terminating: ICON.progressing, ContainerCreating: ICON.progressing,
  Running: ICON.ok, Completed: ICON.ok,
  Failed: ICON.bad, InvalidImageName: ICON.bad, CrashLoopBackOff: ICON.bad,
  ImagePullBackOff: ICON.warning, RegistryUnavailable: ICON.warning,
  Unknown: ICON.unknown,
};

/** Pod status (as kubectl's STATUS column computes it) → icon; `Init:*` ◌, `ExitCode:*`/`Signal:*` ✖, `*Error` ⚠. */
export function podIcon(status: string): string {
  if (status.startsWith('Init:')) return ICON.progressing;
  if (status.startsWith('Signal:') || status.startsWith('ExitCode:')) return ICON.bad;
  if (status.endsWith('Error') || status.startsWith('Err')) return ICON.warning;
  return Object.hasOwn(POD_ICONS, status) ? POD_ICONS[status] ?? ' ' : ' ';
}
