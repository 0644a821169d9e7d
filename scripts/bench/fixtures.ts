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
  const out: SampleInstitution[] = [];
  let programs = 0;
  // NRMP institution codes have 4 digits, so one batch has at most MAX_SAMPLE_INSTITUTIONS
  // institutions; later batches (another seed, numbered names) carry no NRMP code or ERAS ID,
  // which keeps codes unique up to any size.
  for (let batch = 0; programs < programCount; batch++) {
    // Every institution has at least one track, so programCount institutions always suffice.
    const generated = generateSampleInstitutions(Math.min(programCount - programs, MAX_SAMPLE_INSTITUTIONS), seed + batch);
    for (const item of generated) {
      if (programs >= programCount) break;
      const tracks = item.tracks.slice(0, programCount - programs).map((t) => (batch === 0 ? t : { ...t, nrmpCode: '', erasProgramId: '' }));
      const institution = batch === 0 ? item.institution : { ...item.institution, name: `${item.institution.name} ${batch + 1}` };
      out.push({ institution, tracks });
      programs += tracks.length;
    }
  }
  if (programs !== programCount) throw new RangeError(`Could not generate ${programCount} sample programs (got ${programs}).`);
  return out;
}
