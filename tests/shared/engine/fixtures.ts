// Builders for engine tests: Programs (a track with its institution, as the database
// returns them) and profiles. Defaults are a well-known, IMG-friendly community prelim
// program in Ohio, so each test changes only what its rule is about.
import type { Profile } from '../../../shared/domain/profile';
import { seedExampleProfile } from '../../fixtures';
import type { InstitutionFields, Program, ProgramTrackFields } from '../../../shared/domain/program';
import type { SampleInstitution } from '../../../shared/sample/generate';

/** The date the tests run "on": ERAS season of the 2027 Match; last Match known = 2026. */
export const TODAY = '2026-09-15';
const STAMP = '2026-08-01T12:00:00.000Z';

let nextId = 1;

export type ProgramSpec = Partial<ProgramTrackFields> & { institution?: Partial<InstitutionFields> };

/** A fully known program: community, OH (Midwest), J-1, IMG share 25 %, non-US IMG residents, prelim, no minimums, filled every year. */
export function makeProgram(spec: ProgramSpec = {}): Program {
  const { institution: inst = {}, ...trackOverrides } = spec;
  const id = nextId++;
  const institutionId = nextId++;
  const track = trackOverrides.track ?? 'preliminary';
  return {
    id,
    institutionId,
    track,
    nrmpCode: '',
    erasProgramId: '',
    minStep2ck: null,
    minStep2ckKind: 'strict',
    minStep1: null,
    minStep1Kind: 'strict',
    firstAttemptOnly: 'no',
    maxYearsSinceGraduation: null,
    usceRequired: 'no',
    usceMonthsRequired: null,
    positionsOffered: 4,
    unfilledHistory: [2023, 2024, 2025, 2026].map((year) => ({ year, unfilled: 0 })),
    tags: [],
    notes: '',
    minStep2ckKindStated: true,
    noStep2ckCutoff: false,
    minGraduationYear: null,
    noGraduationLimit: false,
    uscePreferred: false,
    unfilledCount: null,
    unfilledWindow: null,
    unfilledYears: [],
    applicationsReceived: null,
    onList: false,
    override: null,
    createdAt: STAMP,
    updatedAt: STAMP,
    ...trackOverrides,
    institution: {
      id: institutionId,
      name: `Test Institution ${institutionId}`,
      city: 'Testville',
      state: 'OH',
      website: '',
      setting: 'community',
      researchHeavy: false,
      visaSponsorship: 'j1',
      imgSharePct: 25,
      nonUsImgResidents: 'yes',
      pdName: '',
      pdEmail: '',
      coordinatorName: '',
      coordinatorEmail: '',
      internalConnection: false,
      notes: '',
      dataSource: 'test',
      lastVerified: '2026-08-01',
      acgmeId: '',
      imgFriendliness: 'unknown',
      pgy1Salary: null,
      acceptsSignals: 'unknown',
      signalSent: false,
      isSample: false,
      createdAt: STAMP,
      updatedAt: STAMP,
      ...inst,
    },
  };
}

/** Unfilled history for 2023–2026 with unfilled positions in the given years. */
export function unfilledIn(...years: number[]): ProgramTrackFields['unfilledHistory'] {
  return [2023, 2024, 2025, 2026].map((year) => ({ year, unfilled: years.includes(year) ? 2 : 0 }));
}

/** The seed's worked example: Step 1 213 first attempt, Step 2 CK 230 first attempt, needs J-1; 8 weeks of surgical sub-internship. */
export function seedApplicant(overrides: Partial<Profile> = {}): Profile {
  return seedExampleProfile(overrides);
}

/** Turns generated sample institutions into Programs with ids, as the database would. */
export function samplePrograms(items: readonly SampleInstitution[]): Program[] {
  const out: Program[] = [];
  let id = 1;
  items.forEach((item, i) => {
    const institution = { ...item.institution, id: i + 1, isSample: true, createdAt: STAMP, updatedAt: STAMP };
    for (const t of item.tracks) out.push({ ...t, id: id++, institutionId: i + 1, onList: false, override: null, createdAt: STAMP, updatedAt: STAMP, institution });
  });
  return out;
}
