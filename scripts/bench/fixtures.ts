// Data for the benchmark: the seed's example applicant and sample programs trimmed to an
// exact count.
import { generateSampleInstitutions, MAX_SAMPLE_INSTITUTIONS, type SampleInstitution } from '../../shared/sample/generate';

export { seedExampleProfile } from '../../shared/sample/seed-profile';

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
