import assert from 'node:assert/strict';
import { test } from 'node:test';
import { V2Failure, outputsFor, readFeatures } from '../src/inference-v2/protocol.ts';
import { parseJson, readInferBody, writeInferBody } from '../src/inference-v2/wire.ts';

test('NaN and Infinity literals outside strings are read as missing and infinite; strings are left alone', () => {
  const body = parseJson('{"id":"NaN, Infinity","inputs":[{"data":[NaN,1.5,-Infinity, Infinity ,NaN]}]}') as {
    id: string;
    inputs: Array<{ data: unknown[] }>;
  };
  assert.equal(body.id, 'NaN, Infinity');
  assert.deepEqual(body.inputs[0]!.data, [null, 1.5, -Infinity, Infinity, null]);
  assert.throws(() => parseJson('{"a": NaNa}'), V2Failure);
});

test('the binary extension: a JSON header of the given length, then the tensor bytes', () => {
  const values = new Float32Array([0.5, Number.NaN, -2, 7]);
  const header = JSON.stringify({
    inputs: [{ name: 'features', shape: [2, 2], datatype: 'FP32', parameters: { binary_data_size: 16 } }],
  });
  const bytes = Buffer.concat([Buffer.from(header), Buffer.from(values.buffer)]);
  const { json, binary } = readInferBody(bytes, String(Buffer.byteLength(header)));
  const { rows, matrix } = readFeatures(json, 2, binary);
  assert.equal(rows, 2);
  assert.deepEqual([...matrix], [...values]);
  assert.throws(() => readInferBody(bytes, String(bytes.length + 1)), /not a length within the body/);
});

test('input names, datatypes and shapes are checked against the model', () => {
  const request = (input: object) => ({
    inputs: [{ name: 'features', datatype: 'FP32', shape: [1, 2], data: [1, 2], ...input }],
  });
  assert.deepEqual([...readFeatures(request({ data: [[1, null]] }), 2).matrix], [1, Number.NaN]);
  assert.throws(() => readFeatures(request({ name: 'income' }), 2), /unknown input "income"/);
  assert.throws(() => readFeatures(request({ datatype: 'INT64' }), 2), /not FP32/);
  assert.throws(() => readFeatures(request({ shape: [1, 3] }), 2), /2 features per row, got 3/);
  assert.throws(() => readFeatures(request({ data: [1] }), 2), /expected 2 values/);
  assert.throws(() => readFeatures(request({ data: [1, 'x'] }), 2), /inputs\.0\.data\.1/);
});

test('outputs: only those asked for, BYTES as length-prefixed elements when binary', () => {
  const scored = { probabilities: new Float32Array([0.25]), decisions: ['granted'], decisionIds: ['id-1'] };
  const [decision] = outputsFor({ outputs: [{ name: 'decision', parameters: { binary_data: true } }] }, scored);
  assert.equal(decision!.name, 'decision');
  assert.deepEqual([...decision!.raw!], [7, 0, 0, 0, ...Buffer.from('granted')]);
  const all = outputsFor({}, scored);
  assert.deepEqual(
    all.map((output) => output.name),
    ['probabilities', 'decision', 'decision_id'],
  );
  assert.deepEqual(all[0]!.data, [0.75, 0.25]);
  assert.throws(() => outputsFor({ outputs: [{ name: 'label' }] }, scored), /unknown output "label"/);
  const { body, headerLength } = writeInferBody({ outputs: [] }, [decision!.raw!]);
  assert.equal(headerLength, Buffer.byteLength('{"outputs":[]}'));
  assert.equal((body as Buffer).length, headerLength + 11);
});
