// The schema as the migrations build it: equal to the committed snapshot (a change to the
// schema is a reviewed diff of tests/electron/schema.snapshot.sql), and every SQL
// CHECK (column IN (...)) list equal to the zod enum the screens validate with.
import { CANCELLED_BY, INVITATION_STATUSES } from '../../shared/domain/invitation';
import { CHOICE_KEYS } from '../../electron/db/repos/season-choice';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../electron/db/open';
import { APPLICATION_STATUSES } from '../../shared/domain/application';
import { CHANNELS, DIRECTIONS, TEMPLATE_PURPOSES } from '../../shared/domain/communications';
import { DOCUMENT_KINDS, DOCUMENT_SLOTS } from '../../shared/domain/documents';
import { INTERVIEW_PLATFORMS } from '../../shared/domain/interview';
import { LETTER_REQUEST_TYPES, LETTER_STAGES, WRITER_LOCATIONS } from '../../shared/domain/letters';
import { ECFMG_STATUSES, EXAM_STATUSES, USCE_TYPES, VISA_NEEDS } from '../../shared/domain/profile';
import { IMG_FRIENDLINESS, SETTINGS, TRACKS, TRI_STATES, VISA_SPONSORSHIPS } from '../../shared/domain/program';
import { SEASON_STATUSES } from '../../shared/domain/season';
import { CONTACT_ROLES, OPENING_STATUSES, PATH_STATUSES, PRELIM_ITEM_KINDS, PRELIM_PATHS, type PrelimSource } from '../../shared/domain/prelim-plan';
import { SOAP_APPLICATION_STATUSES, SOAP_MATCH_STATUSES } from '../../shared/domain/soap';
import { TIER_OUTCOMES } from '../../shared/engine/types';
import { tempDir } from './helpers';

const SNAPSHOT = path.join(__dirname, 'schema.snapshot.sql');

function freshSchema(): { version: number; sql: { type: string; name: string; sql: string }[] } {
  const db = openDatabase(path.join(tempDir(), 'schema.db'));
  try {
    const sql = db
      .prepare(`SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND sql IS NOT NULL ORDER BY type, name`)
      .all() as { type: string; name: string; sql: string }[];
    return { version: schemaVersion(db), sql };
  } finally {
    db.close();
  }
}

function render(schema: ReturnType<typeof freshSchema>): string {
  const lines = [`-- The schema of a freshly migrated database (user_version ${schema.version}).`, '-- Rewrite with: UPDATE_SCHEMA_SNAPSHOT=1 npx vitest run tests/electron/schema.test.ts', ''];
  for (const s of schema.sql) lines.push(`-- ${s.type} ${s.name}`, `${s.sql.replace(/[ \t]+$/gm, '')};`, '');
  return lines.join('\n');
}

/** Every CHECK (col IN ('a','b')) of the schema (also "col IS NULL OR col IN (…)"), by "table.column". */
function checkLists(schema: ReturnType<typeof freshSchema>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const s of schema.sql) {
    if (s.type !== 'table') continue;
    for (const m of s.sql.matchAll(/CHECK\s*\(\s*(?:[a-z_]+\s+IS\s+NULL\s+OR\s+)?([a-z_]+)\s+IN\s*\(([^)]*)\)\s*\)/gi)) {
      const values = [...m[2]!.matchAll(/'([^']*)'/g)].map((v) => v[1]!);
      // Flags are CHECK (x IN (0, 1)): no enum behind them.
      if (values.length > 0) out.set(`${s.name}.${m[1]}`, values);
    }
  }
  return out;
}

/** The zod enum each CHECK list must equal (a new CHECK fails the test until it is paired here). */
const ENUMS: Record<string, readonly string[]> = {
  'profile.ecfmg_status': ECFMG_STATUSES,
  'profile.oet_status': EXAM_STATUSES,
  'profile.visa_need': VISA_NEEDS,
  'usce_entry.type': USCE_TYPES,
  'institution.setting': SETTINGS,
  'institution.img_friendliness': IMG_FRIENDLINESS,
  'institution.visa_sponsorship': VISA_SPONSORSHIPS,
  'institution.non_us_img_residents': TRI_STATES,
  'program.track': TRACKS,
  'program.first_attempt_only': TRI_STATES,
  'program.usce_required': TRI_STATES,
  'tier_override.outcome': TIER_OUTCOMES,
  'application.status': APPLICATION_STATUSES,
  'application_event.status': APPLICATION_STATUSES,
  'application_event.from_status': APPLICATION_STATUSES,
  'interview.platform': INTERVIEW_PLATFORMS,
  'letter_writer.location': WRITER_LOCATIONS,
  'letter.stage': LETTER_STAGES,
  'letter.requested_for': LETTER_REQUEST_TYPES,
  'document_version.kind': DOCUMENT_KINDS,
  'application_document.slot': DOCUMENT_SLOTS,
  'message_template.purpose': TEMPLATE_PURPOSES,
  'communication.channel': CHANNELS,
  'communication.direction': DIRECTIONS,
  'soap_state.match_status': SOAP_MATCH_STATUSES,
  'soap_application.status': SOAP_APPLICATION_STATUSES,
  'season.status': SEASON_STATUSES,
  'prelim_item.kind': PRELIM_ITEM_KINDS,
  'prelim_opening.status': OPENING_STATUSES,
  'prelim_path.path': PRELIM_PATHS,
  'prelim_path.status': PATH_STATUSES,
  'prelim_contact.role': CONTACT_ROLES,
  // A type, not a zod enum, on the domain side: the list is written out here against it.
  'prelim_plan.source': ['match', 'soap', 'manual'] satisfies PrelimSource[],
  'institution.accepts_signals': TRI_STATES,
  'invitation.status': INVITATION_STATUSES,
  'invitation.cancelled_by': CANCELLED_BY,
  'season_choice.key': CHOICE_KEYS,
};

describe('the database schema', () => {
  it('equals the committed snapshot', () => {
    const current = render(freshSchema());
    if (process.env.UPDATE_SCHEMA_SNAPSHOT === '1') fs.writeFileSync(SNAPSHOT, current);
    expect(fs.existsSync(SNAPSHOT), 'tests/electron/schema.snapshot.sql is missing: run with UPDATE_SCHEMA_SNAPSHOT=1').toBe(true);
    expect(current).toBe(fs.readFileSync(SNAPSHOT, 'utf8'));
  });

  it('has each CHECK (… IN (…)) list equal to its zod enum', () => {
    const lists = checkLists(freshSchema());
    expect(lists.size).toBeGreaterThan(20);
    const unpaired = [...lists.keys()].filter((k) => !(k in ENUMS));
    expect(unpaired, 'pair each new CHECK list with its zod enum in ENUMS').toEqual([]);
    expect(Object.keys(ENUMS).filter((k) => !lists.has(k)), 'ENUMS names a CHECK the schema no longer has').toEqual([]);
    for (const [key, values] of lists) expect([...values].sort(), key).toEqual([...ENUMS[key]!].sort());
  });
});
