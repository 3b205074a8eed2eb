/**
 * The audit log, checked and exported.
 *
 *   npm run audit -- verify                      every chain and count; exit 1 on the first sign of tampering
 *   npm run audit -- export [--from <date>] [--to <date>] [--format jsonl|csv] [--out <file>]
 *
 * Reads JetStream when NATS_URL is set, otherwise the file of embedded mode (AUDIT_FILE, by default
 * $OCTROI_DATA_DIR/audit/decisions.jsonl). `--from` is inclusive, `--to` exclusive (ISO 8601 dates or times).
 */
import { createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { connect } from '@nats-io/transport-node';
import type { ChainedRecord } from '@octroi/contracts';
import {
  ChainVerifier,
  JetStreamAuditLog,
  dataDir,
  envString,
  readAuditFile,
  type AuditEntry,
  type VerifyReport,
} from '@octroi/runtime';

/** Every field of every kind of record, the model's first; a record leaves the others' fields empty. */
type AnyField = ChainedRecord extends infer R ? (R extends unknown ? keyof R : never) : never;
const COLUMNS: AnyField[] = [
  'decisionId',
  'time',
  'kind',
  'principal',
  'clientId',
  'modelVersion',
  'probabilityOfDefault',
  'threshold',
  'decision',
  'modelDecisionId',
  'modelDecision',
  'override',
  'reasonCode',
  'justification',
  'officer',
  'sequence',
  'role',
  'previousVersion',
  'reason',
  'service',
  'champion',
  'challenger',
  'previousChampion',
  'previousChallenger',
  'requestId',
  'featuresDigest',
  'chain',
  'seq',
  'previous',
  'digest',
];

const cellOf = (record: ChainedRecord, column: AnyField): unknown => {
  const value = (record as Partial<Record<AnyField, unknown>>)[column];
  return column === 'officer' && value ? (value as { username: string }).username : value;
};

const csvCell = (value: unknown) => {
  const text = value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** Every entry of the audit log, with where it is, and the storage's own faults once read. */
async function openLog(): Promise<{
  source: string;
  entries: AsyncIterable<{ entry: AuditEntry; where: string }> | Iterable<{ entry: AuditEntry; where: string }>;
  storageProblems(): Promise<string[]>;
  close(): Promise<void>;
}> {
  const natsUrl = envString('NATS_URL');
  if (natsUrl) {
    const connection = await connect({ servers: natsUrl });
    const log = await JetStreamAuditLog.open(connection);
    return {
      source: `JetStream at ${natsUrl}`,
      entries: log.entries(),
      storageProblems: () => log.storageProblems(),
      close: () => connection.close(),
    };
  }
  const path = envString('AUDIT_FILE', `${dataDir()}/audit/decisions.jsonl`)!;
  return { source: path, entries: readAuditFile(path), storageProblems: async () => [], close: async () => {} };
}

export async function verify(): Promise<VerifyReport> {
  const log = await openLog();
  const verifier = new ChainVerifier();
  let records = 0;
  for await (const { entry, where } of log.entries) {
    verifier.add(entry, where);
    const before = records;
    records += entry.records.length;
    if (Math.floor(records / 100_000) > Math.floor(before / 100_000)) console.error(`${records} records checked`);
  }
  const report = verifier.report(await log.storageProblems());
  await log.close();
  console.log(`Audit log: ${log.source}`);
  console.log(`${report.entries} entries, ${report.records} decisions, ${report.chains.length} chains`);
  for (const chain of report.chains)
    console.log(`  chain ${chain.chain}: ${chain.records} decisions, ${chain.first ?? '-'} to ${chain.last ?? '-'}`);
  if (report.ok) console.log('OK: every chain is whole and every record is as it was written');
  else {
    console.log(`FAILED: ${report.problemCount} problems`);
    for (const problem of report.problems) console.log(`  ${problem}`);
  }
  return report;
}

export async function exportRecords(options: { from?: string; to?: string; format: 'jsonl' | 'csv'; out?: string }) {
  const from = options.from ? new Date(options.from).toISOString() : '';
  const to = options.to ? new Date(options.to).toISOString() : '\uffff';
  const log = await openLog();
  const out: NodeJS.WritableStream = options.out ? createWriteStream(options.out) : process.stdout;
  const write = (line: string) =>
    out.write(`${line}\n`) ? undefined : new Promise<void>((done) => out.once('drain', () => done()));
  if (options.format === 'csv') await write(COLUMNS.join(','));
  let written = 0;
  for await (const { entry } of log.entries) {
    for (const record of entry.records) {
      if (record.time < from || record.time >= to) continue;
      await write(
        options.format === 'csv'
          ? COLUMNS.map((column) => csvCell(cellOf(record, column))).join(',')
          : JSON.stringify(record),
      );
      written++;
    }
  }
  await log.close();
  if (out !== process.stdout) await new Promise<void>((done) => out.end(() => done()));
  console.error(`${written} decisions exported from ${log.source}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      format: { type: 'string', default: 'jsonl' },
      out: { type: 'string' },
    },
  });
  const [command] = positionals;
  for (const date of [values.from, values.to]) {
    if (date !== undefined && Number.isNaN(new Date(date).getTime())) {
      console.error(`Not a date: ${date} (use ISO 8601, e.g. 2026-03-01 or 2026-03-01T12:00:00Z)`);
      process.exit(2);
    }
  }
  if (command === 'verify') {
    const report = await verify().catch((err: unknown) => {
      console.log(`FAILED: ${err instanceof Error ? err.message : String(err)}`);
      return { ok: false };
    });
    process.exit(report.ok ? 0 : 1);
  } else if (command === 'export' && (values.format === 'jsonl' || values.format === 'csv')) {
    await exportRecords({ ...values, format: values.format });
  } else {
    console.error(
      'Usage: npm run audit -- verify | export [--from <date>] [--to <date>] [--format jsonl|csv] [--out <file>]',
    );
    process.exit(2);
  }
}
