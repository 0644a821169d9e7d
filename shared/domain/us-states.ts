// US states, DC and territories with their US Census Bureau region and division.
// Used to validate a program's state and to group programs by census region.

export type CensusRegion = 'Northeast' | 'Midwest' | 'South' | 'West' | 'Territory';

export interface UsState {
  code: string;
  name: string;
  region: CensusRegion;
}

const S = (code: string, name: string, region: CensusRegion): UsState => ({ code, name, region });

export const US_STATES: readonly UsState[] = [
  S('AL', 'Alabama', 'South'), S('AK', 'Alaska', 'West'), S('AZ', 'Arizona', 'West'),
  S('AR', 'Arkansas', 'South'), S('CA', 'California', 'West'), S('CO', 'Colorado', 'West'),
  S('CT', 'Connecticut', 'Northeast'), S('DE', 'Delaware', 'South'), S('DC', 'District of Columbia', 'South'),
  S('FL', 'Florida', 'South'), S('GA', 'Georgia', 'South'), S('HI', 'Hawaii', 'West'),
  S('ID', 'Idaho', 'West'), S('IL', 'Illinois', 'Midwest'), S('IN', 'Indiana', 'Midwest'),
  S('IA', 'Iowa', 'Midwest'), S('KS', 'Kansas', 'Midwest'), S('KY', 'Kentucky', 'South'),
  S('LA', 'Louisiana', 'South'), S('ME', 'Maine', 'Northeast'), S('MD', 'Maryland', 'South'),
  S('MA', 'Massachusetts', 'Northeast'), S('MI', 'Michigan', 'Midwest'), S('MN', 'Minnesota', 'Midwest'),
  S('MS', 'Mississippi', 'South'), S('MO', 'Missouri', 'Midwest'), S('MT', 'Montana', 'West'),
  S('NE', 'Nebraska', 'Midwest'), S('NV', 'Nevada', 'West'), S('NH', 'New Hampshire', 'Northeast'),
  S('NJ', 'New Jersey', 'Northeast'), S('NM', 'New Mexico', 'West'), S('NY', 'New York', 'Northeast'),
  S('NC', 'North Carolina', 'South'), S('ND', 'North Dakota', 'Midwest'), S('OH', 'Ohio', 'Midwest'),
  S('OK', 'Oklahoma', 'South'), S('OR', 'Oregon', 'West'), S('PA', 'Pennsylvania', 'Northeast'),
  S('RI', 'Rhode Island', 'Northeast'), S('SC', 'South Carolina', 'South'), S('SD', 'South Dakota', 'Midwest'),
  S('TN', 'Tennessee', 'South'), S('TX', 'Texas', 'South'), S('UT', 'Utah', 'West'),
  S('VT', 'Vermont', 'Northeast'), S('VA', 'Virginia', 'South'), S('WA', 'Washington', 'West'),
  S('WV', 'West Virginia', 'South'), S('WI', 'Wisconsin', 'Midwest'), S('WY', 'Wyoming', 'West'),
  S('PR', 'Puerto Rico', 'Territory'), S('GU', 'Guam', 'Territory'), S('VI', 'U.S. Virgin Islands', 'Territory'),
];

const BY_CODE = new Map(US_STATES.map((s) => [s.code, s]));
const BY_NAME = new Map(US_STATES.map((s) => [s.name.toLowerCase(), s]));

/** Finds a state by its two-letter code or its full name (case-insensitive). */
export function findUsState(codeOrName: string): UsState | undefined {
  const key = codeOrName.trim();
  return BY_CODE.get(key.toUpperCase()) ?? BY_NAME.get(key.toLowerCase());
}

export function censusRegionOf(stateCode: string): CensusRegion | undefined {
  return BY_CODE.get(stateCode.toUpperCase())?.region;
}
