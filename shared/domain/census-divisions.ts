// The 9 US Census Bureau divisions (docs/DOMAIN.md §7): ERAS lets an applicant name up to
// 3 of them as a geographic preference. States map to exactly one division; territories to none.
import { findUsState } from './us-states';

export const CENSUS_DIVISIONS = [
  'new_england',
  'middle_atlantic',
  'east_north_central',
  'west_north_central',
  'south_atlantic',
  'east_south_central',
  'west_south_central',
  'mountain',
  'pacific',
] as const;
export type CensusDivision = (typeof CENSUS_DIVISIONS)[number];

export const CENSUS_DIVISION_LABELS: Readonly<Record<CensusDivision, string>> = {
  new_england: 'New England',
  middle_atlantic: 'Middle Atlantic',
  east_north_central: 'East North Central',
  west_north_central: 'West North Central',
  south_atlantic: 'South Atlantic',
  east_south_central: 'East South Central',
  west_south_central: 'West South Central',
  mountain: 'Mountain',
  pacific: 'Pacific',
};

/** US Census Bureau, "Census Regions and Divisions of the United States". */
const STATES_BY_DIVISION: Readonly<Record<CensusDivision, readonly string[]>> = {
  new_england: ['CT', 'ME', 'MA', 'NH', 'RI', 'VT'],
  middle_atlantic: ['NJ', 'NY', 'PA'],
  east_north_central: ['IL', 'IN', 'MI', 'OH', 'WI'],
  west_north_central: ['IA', 'KS', 'MN', 'MO', 'NE', 'ND', 'SD'],
  south_atlantic: ['DE', 'DC', 'FL', 'GA', 'MD', 'NC', 'SC', 'VA', 'WV'],
  east_south_central: ['AL', 'KY', 'MS', 'TN'],
  west_south_central: ['AR', 'LA', 'OK', 'TX'],
  mountain: ['AZ', 'CO', 'ID', 'MT', 'NV', 'NM', 'UT', 'WY'],
  pacific: ['AK', 'CA', 'HI', 'OR', 'WA'],
};

const DIVISION_OF_STATE = new Map<string, CensusDivision>(CENSUS_DIVISIONS.flatMap((d) => STATES_BY_DIVISION[d].map((s) => [s, d] as const)));

/** The division of a state (code or name); undefined for territories and unknown states. */
export function censusDivisionOf(state: string): CensusDivision | undefined {
  const code = findUsState(state)?.code;
  return code === undefined ? undefined : DIVISION_OF_STATE.get(code);
}

export function statesOfDivision(d: CensusDivision): readonly string[] {
  return STATES_BY_DIVISION[d];
}
