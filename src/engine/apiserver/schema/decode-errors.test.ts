import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isApiError } from '../../../api/api-error.js';
import { decodeErrorText, decodeOutcome, strictDecodingMessage, unknownFieldWarning, type FieldValidation } from './decode-errors.js';
import type { DecodeCheck, TypeErrorInfo } from './strict-decode.js';

const replicas: TypeErrorInfo = { field: 'spec.replicas', goPath: 'spec.replicas', goStruct: 'DeploymentSpec', goType: 'int32', found: 'string', aborts: false };

test('decodeErrorText() words errors as encoding/json does', () => {
  assert.equal(decodeErrorText(replicas), 'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32');
  assert.equal(decodeErrorText({ ...replicas, field: '', goPath: '', goStruct: '', goType: 'v1.Deployment', found: 'array' }),
    'json: cannot unmarshal array into Go value of type v1.Deployment');
  assert.equal(decodeErrorText({ ...replicas, detail: 'illegal base64 data at input byte 5' }), 'illegal base64 data at input byte 5');
});

test('strictDecodingMessage() and unknownFieldWarning() quote each path', () => {
  assert.equal(unknownFieldWarning('spec.replica'), 'unknown field "spec.replica"');
  assert.equal(strictDecodingMessage(['a', 'b.c']), 'strict decoding error: unknown field "a", unknown field "b.c"');
});

test('decodeOutcome() follows fieldValidation', () => {
  const unknown: DecodeCheck = { unknownFields: ['spec.replica'], typeErrors: [] };
  const typed: DecodeCheck = { unknownFields: ['spec.replica'], typeErrors: [replicas] };
  const clean: DecodeCheck = { unknownFields: [], typeErrors: [] };
  const rows: Array<[DecodeCheck, FieldValidation, string]> = [
    [clean, 'Strict', 'warnings: '],
    [unknown, 'Strict', 'BadRequest: Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replica"'],
    [unknown, 'Warn', 'warnings: unknown field "spec.replica"'],
    [unknown, 'Ignore', 'warnings: '],
    [typed, 'Ignore', 'BadRequest: Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32'],
  ];
  for (const [check, validation, want] of rows) {
    const out = decodeOutcome('Deployment', 'v1', check, validation);
    const got = 'error' in out ? `${isApiError(out.error, 'BadRequest') ? 'BadRequest' : '?'}: ${out.error.message}` : `warnings: ${out.warnings.join('|')}`;
    assert.equal(got, want, `${validation} ${check.unknownFields.length}/${check.typeErrors.length}`);
  }
});
