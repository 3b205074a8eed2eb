import type { AgeBand, NewApplication } from '@octroi/contracts';
import { loadApplicantRecords, type ModelBundle } from '@octroi/model-bundle';

const GENDER = 'CODE_GENDER';
const BIRTH = 'DAYS_BIRTH';

/** The age band of an applicant born `daysBirth` days before the application (a negative number, as in the data). */
export function ageBandOf(daysBirth: unknown): AgeBand {
  if (typeof daysBirth !== 'number' || !Number.isFinite(daysBirth) || daysBirth >= 0) return 'unknown';
  const years = -daysBirth / 365.25;
  if (years < 25) return 'under-25';
  if (years < 40) return '25-40';
  if (years < 60) return '40-60';
  return '60-and-over';
}

export interface ApplicantGroup {
  gender: string;
  ageBand: AgeBand;
}

export const UNKNOWN_GROUP: ApplicantGroup = { gender: 'unknown', ageBand: 'unknown' };

/**
 * The gender and age band of applicants, for approval rates by group: read from a new application's raw fields, or
 * from the bundle's records for a known client. Gender is a protected attribute: it is never a model input, and it
 * leaves this process only as a count.
 */
export class ApplicantGroups {
  private constructor(
    private readonly genders: readonly string[],
    private readonly rowOf: (clientId: number) => number,
    private readonly genderCodes: Int32Array | undefined,
    private readonly daysBirth: Float64Array | undefined,
  ) {}

  static async load(bundle: ModelBundle): Promise<ApplicantGroups> {
    const genders = bundle.spec.rawFields.find((field) => field.name === GENDER)?.categories ?? [];
    const records = await loadApplicantRecords(bundle);
    const gender = records.column(GENDER);
    const birth = records.column(BIRTH);
    return new ApplicantGroups(
      genders,
      records.rowOf,
      gender?.kind === 'string' ? remap(gender.codes, gender.categories, genders) : undefined,
      birth?.kind === 'number' ? birth.values : undefined,
    );
  }

  ofApplication(application: NewApplication): ApplicantGroup {
    const gender = application[GENDER];
    return {
      gender: typeof gender === 'string' && this.genders.includes(gender) ? gender : 'unknown',
      ageBand: ageBandOf(application[BIRTH]),
    };
  }

  ofClient(clientId: number): ApplicantGroup {
    const row = this.rowOf(clientId);
    if (row < 0) return UNKNOWN_GROUP;
    const code = this.genderCodes?.[row] ?? -1;
    return { gender: this.genders[code] ?? 'unknown', ageBand: ageBandOf(this.daysBirth?.[row]) };
  }
}

/** Codes into the file's own list of categories, turned into codes into the specification's list. */
function remap(codes: Int32Array, fileCategories: readonly string[], specCategories: readonly string[]): Int32Array {
  const toSpec = fileCategories.map((category) => specCategories.indexOf(category));
  return codes.map((code) => (code < 0 ? -1 : (toSpec[code] ?? -1)));
}
