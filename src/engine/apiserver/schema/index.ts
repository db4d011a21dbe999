// Public surface of the built-in kinds' field schema.
export type { LeafKind, LeafNode, ObjectNode, TypeNode } from './type-node.js';
export { childNode, itemNode } from './type-node.js';
export { parseTypeString, typeByName } from './type-by-name.js';
export { schemaForKind, schemaKinds } from './schema-for-kind.js';
export type { DecodeCheck, TypeErrorInfo } from './strict-decode.js';
export { checkDecode } from './strict-decode.js';
export type { FieldValidation } from './decode-errors.js';
export {
  decodeErrorText, decodeOutcome, formatDecodeError, formatStrictDecodeError, strictDecodingMessage, unknownFieldWarning,
} from './decode-errors.js';
