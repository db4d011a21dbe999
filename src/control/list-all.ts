// Lists every object of a resource in pages (`limit` + `continue`), as informers do on a relist. If a
// continue token expires mid-way (410), the list restarts once without paging.
import { isApiError } from '../api/api-error.js';
import type { KubeList, KubeObject } from '../api/meta.js';
import type { ResourceType } from '../api/resources.js';
import type { KubeClient, ListOptions } from './client.js';

/** Default page size, as kubectl and client-go's pager use. */
export const DEFAULT_PAGE_SIZE = 500;

/** All objects matching `opts`, with the resourceVersion of the list snapshot. */
export async function listAll<T extends KubeObject>(client: KubeClient, t: ResourceType, namespace: string | undefined,
  opts: Omit<ListOptions, 'limit' | 'continue'> = {}, pageSize = DEFAULT_PAGE_SIZE): Promise<KubeList<T>> {
  try {
    return await listPaged<T>(client, t, namespace, opts, pageSize);
  } catch (e) {
    if (!isApiError(e, 'Expired') && !isApiError(e, 'Gone')) throw e;
    return client.list<T>(t, namespace, opts);
  }
}

async function listPaged<T extends KubeObject>(client: KubeClient, t: ResourceType, namespace: string | undefined,
  opts: Omit<ListOptions, 'limit' | 'continue'>, pageSize: number): Promise<KubeList<T>> {
  const first = await client.list<T>(t, namespace, { ...opts, limit: pageSize });
  const items = [...first.items];
  let meta = first.metadata;
  while (meta.continue !== undefined && meta.continue !== '') {
    // A continue token carries the snapshot; resourceVersion must not be sent with it.
    const { resourceVersion: _rv, ...rest } = opts;
    const page = await client.list<T>(t, namespace, { ...rest, limit: pageSize, continue: meta.continue });
    items.push(...page.items);
    meta = page.metadata;
  }
  const metadata = first.metadata.resourceVersion === undefined ? {} : { resourceVersion: first.metadata.resourceVersion };
  return { apiVersion: first.apiVersion, kind: first.kind, metadata, items };
}
