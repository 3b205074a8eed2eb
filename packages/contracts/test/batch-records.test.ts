import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileRecords } from '../src/batch-records.ts';

/** The file's bytes cut at every given size, as a stream arrives in pieces of any length. */
async function* pieces(text: string, size: number) {
  const bytes = new TextEncoder().encode(text);
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function recordsOf(text: string, format: 'csv' | 'jsonl', size = 7) {
  const found = [];
  for await (const record of fileRecords(pieces(text, size), format)) found.push(record);
  return found;
}

test('CSV: the header is row 0, a quoted cell keeps its line breaks and quotes, CRLF and a BOM are dropped', async () => {
  const text = '\ufeffSK_ID_CURR,NOTE\r\n1,"two\r\nlines"\r\n2,"a ""quoted"" word"\r\n\r\n3,plain';
  for (const size of [1, 2, 3, 5, 8, 64]) {
    assert.deepEqual(
      await recordsOf(text, 'csv', size),
      [
        { text: 'SK_ID_CURR,NOTE', row: 0 },
        { text: '1,"two\r\nlines"', row: 1 },
        { text: '2,"a ""quoted"" word"', row: 2 },
        { text: '3,plain', row: 3 },
      ],
      `pieces of ${size} bytes`,
    );
  }
});

test('JSON lines: one record a line from row 1, blank lines skipped, multi-byte characters whole across pieces', async () => {
  const text = '{"NAME":"Crédit à la consommation"}\n\n{"AMT_CREDIT":1}\n';
  for (const size of [1, 3, 100]) {
    assert.deepEqual(await recordsOf(text, 'jsonl', size), [
      { text: '{"NAME":"Crédit à la consommation"}', row: 1 },
      { text: '{"AMT_CREDIT":1}', row: 2 },
    ]);
  }
});

test('a quote in a JSON line does not hold the line open', async () => {
  assert.deepEqual(await recordsOf('{"A":"say \\"hi"}\n{"B":2}\n', 'jsonl'), [
    { text: '{"A":"say \\"hi"}', row: 1 },
    { text: '{"B":2}', row: 2 },
  ]);
});
