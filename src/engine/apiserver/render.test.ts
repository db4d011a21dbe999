import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isApiError } from '../../api/api-error.js';
import { includeObjectOf } from './render.js';

test('includeObjectOf(): Metadata by default, None and Object on request, 400 otherwise', () => {
  const q = (s: string): URLSearchParams => new URLSearchParams(s);
  assert.equal(includeObjectOf(q('')), 'Metadata');
  assert.equal(includeObjectOf(q('includeObject=')), 'Metadata');
  assert.equal(includeObjectOf(q('includeObject=Object')), 'Object');
  assert.equal(includeObjectOf(q('includeObject=None')), 'None');
  assert.throws(() => includeObjectOf(q('includeObject=object')), (e) => isApiError(e, 'BadRequest') && /Unsupported value: "object"/.test(e.message));
});
