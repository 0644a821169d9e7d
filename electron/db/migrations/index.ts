// Ordered migrations, one per schema version. Append only: a released migration is never edited.
import { m001Initial } from './001-initial';
import { m002ListAndOverrides } from './002-list-and-overrides';
import { m003Applications } from './003-applications';
import { m004Pipeline } from './004-pipeline';
import type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [m001Initial, m002ListAndOverrides, m003Applications, m004Pipeline];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length === 0 ? 0 : MIGRATIONS[MIGRATIONS.length - 1]!.version;
