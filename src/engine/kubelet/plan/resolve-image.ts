// Image resolution: the embedded runtime has no container images, so each image becomes a command on
// the host. In order: (a) the built-in demo for argoproj/rollouts-demo (and its stand-in for Argo Rollouts'
// controller image, whose work the runtime already does), (b) a rule of the image mapping
// file, (c) the container's own command; anything else fails like an image pull.
import type { Container } from '../../../api/core-v1.js';
import type { ImageRule, ImageRules } from './types.js';

/** The repository served by the built-in demo (src/demo), with or without a registry host. */
export const DEMO_REPOSITORY = 'argoproj/rollouts-demo';
const REGISTRY_PREFIXES = ['docker.io/', 'index.docker.io/', 'registry-1.docker.io/'];

/** What an image resolves to: argv and image-level env, or the pull error to show. */
export type ImageResolution =
  | { readonly ok: true; readonly argv: readonly string[]; readonly imageEnv: Readonly<Record<string, string>>; readonly imageID: string; readonly demoPort?: number }
  | { readonly ok: false; readonly reason: 'ErrImagePull'; readonly message: string };

/** `docker.io/library/nginx:1.25` → `nginx:1.25`; `docker.io/argoproj/rollouts-demo:blue` → `argoproj/rollouts-demo:blue`. */
export function normalizeImage(image: string): string {
  let s = image.trim();
  for (const prefix of REGISTRY_PREFIXES) if (s.startsWith(prefix)) s = s.slice(prefix.length);
  return s.startsWith('library/') ? s.slice('library/'.length) : s;
}

/** The environment variable that tells the demo process which role to play, and the stand-in's value. */
export const DEMO_ROLE_ENV = 'SLUICE_DEMO_ROLE';
export const ARGO_ROLLOUTS_STANDIN = 'argo-rollouts-standin';

/** Argo Rollouts' controller image (quay.io or Docker Hub): run as the demo process's stand-in mode. */
export function isArgoRolloutsImage(image: string): boolean {
  const s = normalizeImage(image).replace(/^quay\.io\//, '').split('@')[0] ?? '';
  const colon = s.indexOf(':', s.lastIndexOf('/') + 1);
  return (colon < 0 ? s : s.slice(0, colon)) === 'argoproj/argo-rollouts';
}

/** True for the demo repository, whatever the tag (the demo itself refuses unknown tags). */
export function isDemoImage(image: string): boolean {
  const s = normalizeImage(image).split('@')[0] ?? '';
  const colon = s.indexOf(':', s.lastIndexOf('/') + 1);
  return (colon < 0 ? s : s.slice(0, colon)) === DEMO_REPOSITORY;
}

/** Glob match over the whole image name: `*` any run of characters, `?` one character. */
export function matchesImageGlob(pattern: string, image: string): boolean {
  const re = new RegExp(`^${pattern.split('').map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[\\^$.|+()[\]{}]/g, '\\$&'))).join('')}$`);
  return re.test(image) || re.test(normalizeImage(image));
}

/** The one-line hint shown for an image the runtime cannot run. */
export function unknownImageMessage(image: string, rules: ImageRules): string {
  const loadError = rules.error !== undefined ? ` (${rules.path} could not be used: ${rules.error})` : '';
  return `Cannot run image "${image}": Sluice runs containers as local processes and knows only ${DEMO_REPOSITORY}; ` +
    `map the image to a command in ${rules.path}, a YAML list of {image: <glob>, command: [...], args?: [...], env?: {...}} ` +
    `such as '- {image: "${normalizeImage(image).split(':')[0] ?? image}:*", command: ["/usr/bin/my-server"], args: ["--port", "8080"]}', ` +
    `or give the container a command${loadError}`;
}

function fromRule(c: Readonly<Container>, rule: ImageRule, image: string): ImageResolution {
  // Docker semantics: the container's command replaces the image entrypoint, its args the image's args.
  const command = c.command ?? rule.command;
  const args = c.command !== undefined ? (c.args ?? []) : (c.args ?? rule.args ?? []);
  return { ok: true, argv: [...command, ...args], imageEnv: { ...(rule.env ?? {}) }, imageID: `sluice://${normalizeImage(image)}` };
}

/** Resolves a container's image to something runnable; `demoCommand` is the argv of the built-in demo. */
export function resolveImage(c: Readonly<Container>, rules: ImageRules, demoCommand: readonly string[]): ImageResolution {
  const image = c.image ?? '';
  const imageID = `sluice://${normalizeImage(image)}`;
  if (isDemoImage(image) && c.command === undefined) {
    const port = c.ports?.[0]?.containerPort ?? 8080;
    return { ok: true, argv: [...demoCommand], imageEnv: { SLUICE_DEMO_IMAGE: image }, imageID, demoPort: port };
  }
  if (isArgoRolloutsImage(image) && c.command === undefined) {
    // The runtime runs the Rollouts controller itself; the demo process stands in, answering the probes.
    return { ok: true, argv: [...demoCommand], imageEnv: { SLUICE_DEMO_IMAGE: image, [DEMO_ROLE_ENV]: ARGO_ROLLOUTS_STANDIN }, imageID, demoPort: 8090 };
  }
  const rule = rules.rules.find((r) => matchesImageGlob(r.image, image));
  if (rule !== undefined) return fromRule(c, rule, image);
  if (c.command !== undefined && c.command.length > 0) return { ok: true, argv: [...c.command, ...(c.args ?? [])], imageEnv: {}, imageID };
  return { ok: false, reason: 'ErrImagePull', message: unknownImageMessage(image, rules) };
}
