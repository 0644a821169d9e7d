// Shared builders for tests: a valid profile and a valid institution with tracks.
import { emptyInstitution, emptyTrack, type InstitutionFields, type ProgramTrackFields } from '../shared/domain/program';

/** The seed's worked example (shared with the benchmark). */
export { seedExampleProfile } from '../shared/sample/seed-profile';

export function institution(overrides: Partial<InstitutionFields> = {}): InstitutionFields {
  return {
    ...emptyInstitution(),
    name: 'Lakeview Regional Medical Center',
    city: 'Dayton',
    state: 'OH',
    setting: 'community',
    visaSponsorship: 'j1',
    imgSharePct: 35,
    nonUsImgResidents: 'yes',
    ...overrides,
  };
}

export function track(kind: 'preliminary' | 'categorical', overrides: Partial<ProgramTrackFields> = {}): ProgramTrackFields {
  return {
    ...emptyTrack(kind),
    nrmpCode: kind === 'preliminary' ? '1234440P0' : '1234440C0',
    minStep2ck: 220,
    positionsOffered: kind === 'preliminary' ? 6 : 3,
    ...overrides,
  };
}
