// US Eastern time, on its own (no schema, no date library): screens that only name the zone
// load nothing else for it.

/** The zone NRMP and ERAS times are given in. */
export const EASTERN = 'America/New_York';
