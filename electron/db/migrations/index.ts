// Ordered migrations, one per schema version. Append only: a released migration is never edited.
import { m001Initial } from './001-initial';
import { m002ListAndOverrides } from './002-list-and-overrides';
import { m003Applications } from './003-applications';
import { m004Pipeline } from './004-pipeline';
import { m005LettersDocumentsCommunications } from './005-letters-documents-communications';
import { m006ReadinessCalendar } from './006-readiness-calendar';
import { m007Soap } from './007-soap';
import { m008IcsSequence } from './008-ics-sequence';
import { m009Seasons } from './009-seasons';
import { m010PrelimPlan } from './010-prelim-plan';
import { m011IcsCancel } from './011-ics-cancel';
import { m012ImportFacts } from './012-import-facts';
import { m013Season2027 } from './013-season-2027';
import { m014LetterRequest } from './014-letter-request';
import { m015ProgramChanges } from './015-program-changes';
import type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [m001Initial, m002ListAndOverrides, m003Applications, m004Pipeline, m005LettersDocumentsCommunications, m006ReadinessCalendar, m007Soap, m008IcsSequence, m009Seasons, m010PrelimPlan, m011IcsCancel, m012ImportFacts, m013Season2027, m014LetterRequest, m015ProgramChanges];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
