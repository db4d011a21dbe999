// `get rollout` as Argo prints it (cmd/get/get_rollout.go PrintRollout): the header block, then the tree
// NAME KIND STATUS AGE INFO with revisions newest first. One Sluice addition: a timed pause shows its countdown.
import { KIND_ICON, ICON, humanDuration, type AnalysisRunInfo, type ImageInfo, type ReplicaSetInfo, type RolloutInfo } from '../../rollouts/ops/index.js';
import { colorize } from './color.js';
import { alignTabs } from './tab-writer.js';

const field = (label: string, value: string | number): string => `${label.padEnd(17)}${value}`.trimEnd();

function prefixes(isLast: boolean, sub: string): [string, string] {
  return isLast ? [`${sub}└──`, `${sub}   `] : [`${sub}├──`, `${sub}│  `];
}

function imageLine(img: ImageInfo, color: boolean): string {
  return img.tags.length === 0 ? img.image : `${img.image} (${img.tags.map((t) => colorize(t, t, color)).join(', ')})`;
}

/** The header block (Name … Replicas). */
export function renderRolloutHeader(info: RolloutInfo, color: boolean): string[] {
  const lines = [field('Name:', info.name), field('Namespace:', info.namespace), field('Status:', `${colorize(info.icon, info.icon, color)} ${info.status}`)];
  const pause = info.pause !== undefined ? ` (resumes in ${humanDuration(info.pause.remainingSeconds * 1000)})` : '';
  if (info.message !== '') lines.push(field('Message:', `${info.message}${pause}`));
  lines.push(field('Strategy:', info.strategy));
  if (info.strategy === 'Canary') {
    lines.push(field('  Step:', info.step ?? ''), field('  SetWeight:', info.setWeight ?? 0), field('  ActualWeight:', info.actualWeight ?? 0));
  }
  info.images.forEach((img, i) => lines.push(field(i === 0 ? 'Images:' : '', imageLine(img, color))));
  lines.push('Replicas:');
  const r = info.replicas;
  lines.push(field('  Desired:', r.desired), field('  Current:', r.current), field('  Updated:', r.updated), field('  Ready:', r.ready), field('  Available:', r.available));
  return lines;
}

function replicaSetLines(rs: ReplicaSetInfo, prefix: string, sub: string, color: boolean): string[] {
  const info = rs.tags.map((t) => colorize(t, t, color));
  const lastTag = rs.tags[rs.tags.length - 1];
  const name = lastTag !== undefined ? colorize(rs.name, lastTag, color) : rs.name;
  if (rs.scaleDownDelay !== undefined) info.push(`delay:${rs.scaleDownDelay}`);
  const lines = [`${prefix}${KIND_ICON.replicaSet} ${name}\tReplicaSet\t${colorize(rs.icon, rs.icon, color)} ${rs.status}\t${rs.age}\t${info.join(',')}`];
  rs.pods.forEach((pod, i) => {
    const [podPrefix] = prefixes(i === rs.pods.length - 1, sub);
    const podInfo = [`ready:${pod.ready}`, ...(pod.restarts > 0 ? [`restarts:${pod.restarts}`] : [])].join(',');
    lines.push(`${podPrefix}${KIND_ICON.pod} ${pod.name}\tPod\t${colorize(pod.icon, pod.icon, color)} ${pod.status}\t${pod.age}\t${podInfo}`);
  });
  return lines;
}

function analysisRunLines(run: AnalysisRunInfo, prefix: string, sub: string, color: boolean): string[] {
  const counts: [number, string][] = [[run.successful, ICON.ok], [run.failed, ICON.bad], [run.inconclusive, ICON.unknown], [run.error, ICON.warning]];
  const info = counts.filter(([n]) => n > 0).map(([n, icon]) => `${colorize(icon, icon, color)} ${n}`).join(',');
  const lines = [`${prefix}${KIND_ICON.analysisRun} ${colorize(run.name, run.status, color)}\tAnalysisRun\t${colorize(run.icon, run.icon, color)} ${run.status}\t${run.age}\t${info}`];
  run.jobs.forEach((job, i) => {
    const [jobPrefix] = prefixes(i === run.jobs.length - 1, sub);
    lines.push(`${jobPrefix}${KIND_ICON.job} ${colorize(job.name, job.status, color)}\tJob\t${colorize(job.icon, job.icon, color)} ${job.status}\t${job.age}\t`);
  });
  return lines;
}

/** The tree (tab-aligned). */
export function renderRolloutTree(info: RolloutInfo, color: boolean): string[] {
  const lines = ['NAME\tKIND\tSTATUS\tAGE\tINFO', `${KIND_ICON.rollout} ${info.name}\tRollout\t${colorize(info.icon, info.icon, color)} ${info.status}\t${info.age}\t`];
  info.revisions.forEach((rev, i) => {
    const [prefix, sub] = prefixes(i === info.revisions.length - 1, '');
    lines.push(`${prefix}${KIND_ICON.revision} revision:${rev.revision}\t\t \t\t`);
    const total = rev.replicaSets.length + rev.analysisRuns.length;
    rev.replicaSets.forEach((rs, j) => {
      const [p, s] = prefixes(j === total - 1, sub);
      lines.push(...replicaSetLines(rs, p, s, color));
    });
    rev.analysisRuns.forEach((run, j) => {
      const [p, s] = prefixes(rev.replicaSets.length + j === total - 1, sub);
      lines.push(...analysisRunLines(run, p, s, color));
    });
  });
  return alignTabs(lines);
}

/** Header, blank line, tree — what `get rollout` prints. */
export function renderRolloutInfo(info: RolloutInfo, color: boolean): string {
  return [...renderRolloutHeader(info, color), '', ...renderRolloutTree(info, color)].join('\n') + '\n';
}
