// Public surface of admission/: defaulting and validation of built-in objects, and CRD schema handling.
export { defaultObject, type DefaultingContext } from './defaults.js';
export { validateObject } from './validate.js';
export { validateCrd } from './validate-crd.js';
export { compileSchema, type CompiledSchema } from './crd-schema.js';
export { validateObjectMeta, validateObjectMetaUpdate, validateLabels, validateAnnotations } from './object-meta.js';
export {
  isDNS1123Label, isDNS1123Subdomain, isDNS1035Label, isQualifiedName, isValidLabelValue, isConfigMapKey,
  nameIsDNSSubdomain, nameIsDNSLabel, nameIsDNS1035Label, type NameValidator,
} from './metadata.js';
