// The image mapping file (`<dataDir>/images.yaml` by default): a YAML list of
//   - image: "nginx:*"            # glob over the image name (* and ?)
//     command: ["/usr/sbin/nginx"] # what runs instead (the image entrypoint)
//     args: ["-g", "daemon off;"]   # optional default args
//     env: {A: "1"}                 # optional image env
// It is re-read whenever it changes, so pods in ImagePullBackOff start once their image is mapped.
import { existsSync, readFileSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import { parse } from 'yaml';
import { isJsonObject } from '../../api/meta.js';
import type { ImageRule, ImageRules } from './plan/types.js';

function stringList(v: unknown): string[] | undefined {
  return Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : undefined;
}

function decodeRule(v: unknown, i: number): ImageRule {
  if (!isJsonObject(v)) throw new TypeError(`entry ${i}: expected an object with image and command`);
  const image = v['image'];
  const command = stringList(v['command']);
  if (typeof image !== 'string' || image === '') throw new TypeError(`entry ${i}: image must be a non-empty string`);
  if (command === undefined || command.length === 0) throw new TypeError(`entry ${i} (${image}): command must be a non-empty list of strings`);
  const args = v['args'] === undefined ? undefined : stringList(v['args']);
  if (args === undefined && v['args'] !== undefined) throw new TypeError(`entry ${i} (${image}): args must be a list of strings`);
  const rawEnv = v['env'];
  if (rawEnv !== undefined && !isJsonObject(rawEnv)) throw new TypeError(`entry ${i} (${image}): env must be a map of names to values`);
  const env = rawEnv === undefined ? undefined : Object.fromEntries(Object.entries(rawEnv).map(([k, x]) => [k, String(x)]));
  return { image, command, ...(args !== undefined ? { args } : {}), ...(env !== undefined ? { env } : {}) };
}

/** Parses mapping-file text; throws TypeError with a readable message when it is malformed. */
export function parseImageRules(text: string): ImageRule[] {
  const doc: unknown = parse(text);
  if (doc === null || doc === undefined) return [];
  if (!Array.isArray(doc)) throw new TypeError('expected a YAML list of {image, command, args?, env?}');
  return doc.map(decodeRule);
}

/** Loads the mapping file; a missing file means no rules, a broken one is reported in `error`. */
export function loadImageRules(path: string): ImageRules {
  if (!existsSync(path)) return { path, rules: [] };
  try {
    return { path, rules: parseImageRules(readFileSync(path, 'utf8')) };
  } catch (e) {
    return { path, rules: [], error: e instanceof Error ? e.message : String(e) };
  }
}

/** Calls `onChange` when the file is created, changed or removed; returns a stop function. */
export function watchImageRules(path: string, onChange: () => void): () => void {
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(dirname(path), (_event, file) => {
      if (file === null || file === basename(path)) onChange();
    });
    watcher.on('error', () => watcher?.close());
  } catch {
    return () => undefined;
  }
  return () => watcher?.close();
}
