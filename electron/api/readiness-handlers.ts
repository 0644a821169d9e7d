// The ERAS readiness checklist (with the SOAP plan's items counted apart) and the user's ticks.
import type { Handlers } from '../../shared/api/contract';
import type { readinessApi } from '../../shared/api/readiness-api';
import { programLabel } from '../../shared/domain/program';
import { erasProgress, soapProgress } from '../../shared/engine/readiness';
import { OK, type HandlerContext } from './context';
import { takeSnapshot } from './snapshot';

export function createReadinessHandlers(ctx: HandlerContext): Pick<Handlers, keyof typeof readinessApi> {
  return {
    'readiness.checklist': () => {
      const s = takeSnapshot(ctx);
      const affected = new Set(s.checklist.flatMap((i) => i.affectedProgramIds));
      const programNames = Object.fromEntries(s.programs.filter((p) => affected.has(p.id)).map((p) => [p.id, programLabel(p)]));
      return { today: s.today, timeZone: s.tz, items: s.checklist, progress: erasProgress(s.checklist), soapProgress: soapProgress(s.checklist), programNames };
    },
    'readiness.tick': ({ itemId, done }) => {
      ctx.repos.calendar.setTick(itemId, done, ctx.clock.now());
      return OK;
    },
  };
}
