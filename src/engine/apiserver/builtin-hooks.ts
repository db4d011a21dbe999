// Behaviour of the built-in kinds: strict decoding from the client-node schema, Kubernetes defaulting and
// validation, strategic merge patch, table printers, and the extensions/v1beta1 Ingress conversion.
import { decodeKubeObject, type KubeObject } from '../../api/meta.js';
import { defaultObject, validateObject } from './admission/index.js';
import { ingressToV1, ingressToV1beta1 } from './conversion/ingress-v1beta1.js';
import { applyStrategicMergePatch } from './patch/strategic-merge-patch.js';
import { pruneUnknown } from './prune-unknown.js';
import { allocateServiceAddresses, type ServiceAllocator } from './service-allocator.js';
import type { ResourceDef, ResourceHooks } from './registry/resource-def.js';
import { tableContent } from './table-content.js';
import { checkDecode, decodeErrorText, schemaForKind, type TypeNode } from './schema/index.js';
import { buildTable, printerFor } from './tables/index.js';

function decoder(root: TypeNode | undefined): ResourceHooks['decode'] {
  if (root === undefined) return undefined;
  return (obj) => {
    const check = checkDecode(obj, root);
    const first = check.typeErrors[0];
    return {
      object: decodeKubeObject(pruneUnknown(obj, root)),
      unknownFields: [...check.unknownFields],
      typeErrors: first ? [decodeErrorText(first)] : [],
    };
  };
}

/** Hooks for one built-in def; Services get addresses from `alloc`. */
export function builtinHooks(def: ResourceDef, alloc?: ServiceAllocator): ResourceHooks {
  const isLegacyIngress = def.group === 'extensions' && def.resource === 'ingresses';
  const schemaVersion = isLegacyIngress ? 'networking.k8s.io/v1' : def.storageVersion;
  const root = schemaForKind(schemaVersion, def.kind);
  const v1Decode = decoder(root);
  const hooks: ResourceHooks = {
    default: (obj, old) => {
      const defaulted = defaultObject(def.storage, obj, old === undefined ? { uid: obj.metadata.uid ?? '' } : { old, uid: obj.metadata.uid ?? '' });
      return alloc && def.kind === 'Service' ? allocateServiceAddresses(defaulted, alloc) : defaulted;
    },
    validate: (obj, old) => validateObject(def.storage, obj, old),
  };
  if (printerFor(def.storage)) {
    hooks.table = (objects, nowMs) => tableContent(buildTable(def.storage, objects, nowMs));
  }
  if (root) hooks.strategicMerge = (original, patch) => applyStrategicMergePatch(original, patch, root);
  if (isLegacyIngress) {
    hooks.toVersion = ingressToV1beta1;
    hooks.fromVersion = ingressToV1;
    // Checked in v1 terms: the chapter's serviceName/servicePort convert cleanly, typos stay as unknown fields.
    if (v1Decode) hooks.decode = (obj: KubeObject) => v1Decode(ingressToV1(obj));
    // The patch is applied to the v1beta1 view, whose lists (rules, paths, tls) have no merge keys.
    hooks.strategicMerge = (original, patch) => applyStrategicMergePatch(original, patch, { t: 'any' });
  } else if (v1Decode) {
    hooks.decode = v1Decode;
  }
  return hooks;
}
