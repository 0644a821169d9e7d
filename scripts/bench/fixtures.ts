// Data for the benchmark: the seed's example applicant and sample programs trimmed to an
// exact count. (A copy of tests/fixtures.ts seedExampleProfile(): scripts do not import tests.)
import { EMPTY_PROFILE, type Profile } from '../../shared/domain/profile';
import { generateSampleInstitutions, MAX_SAMPLE_INSTITUTIONS, type SampleInstitution } from '../../shared/sample/generate';

/** The seed's worked example: Step 1 213 first attempt, Step 2 CK 230 first attempt, needs J-1. */
export function seedExampleProfile(): Profile {
  return {
    ...EMPTY_PROFILE,
    fullName: 'Amina Rahman',
    email: 'amina@example.com',
    medicalSchool: 'Example Medical College',
    country: 'Pakistan',
    aamcId: '12345678',
    graduationYear: 2022,
    step1Result: 'numeric',
    step1Score: 213,
    step1Attempts: 1,
    step2ckStatus: 'passed',
    step2ckScore: 230,
    step2ckAttempts: 1,
    step2ckDate: '2026-05-20',
    ecfmgStatus: 'in_progress',
    oetStatus: 'passed',
    visaNeed: 'j1',
    usce: [{ id: 'u1', type: 'sub_internship', specialty: 'General Surgery', surgical: true, weeks: 8, hospital: 'Mercy Example Hospital', state: 'OH', handsOn: true }],
    researchCount: 3,
    leadershipCount: 1,
    teachingCount: 2,
  };
}

/**
 * Sample institutions holding exactly `programCount` tracks (programs): enough are
 * generated (1–2 tracks each), then the list is cut at `programCount`, the last
 * institution keeping only the tracks that fit.
 */
export function sampleInstitutionsWithPrograms(programCount: number, seed: number): SampleInstitution[] {
  // Every institution has at least one track, so programCount institutions always suffice.
  const generated = generateSampleInstitutions(Math.min(programCount, MAX_SAMPLE_INSTITUTIONS), seed);
  const out: SampleInstitution[] = [];
  let programs = 0;
  for (const item of generated) {
    if (programs >= programCount) break;
    const tracks = item.tracks.slice(0, programCount - programs);
    out.push({ institution: item.institution, tracks });
    programs += tracks.length;
  }
  if (programs !== programCount) throw new RangeError(`Could not generate ${programCount} sample programs (got ${programs}).`);
  return out;
}
