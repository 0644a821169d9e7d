// Handlers for the application overview, interviews, the rank order list and the prep card.
import type { Handlers } from '../../shared/api/contract';
import type { Db } from '../db/open';
import { createPipelineRepo } from '../db/repos/pipeline-repo';

type PipelineHandlers = Pick<
  Handlers,
  'applications.overview' | 'interviews.list' | 'interviews.save' | 'interviews.delete' | 'rankList.get' | 'rankList.save' | 'rankList.setFee' | 'prepCard.get' | 'prepCard.save'
>;

export function createPipelineHandlers(db: Db, now: () => Date): PipelineHandlers {
  const repo = createPipelineRepo(db);
  return {
    'applications.overview': () => repo.overview(),
    'interviews.list': () => repo.interviews(),
    'interviews.save': (input) => repo.saveInterview(input, now()),
    'interviews.delete': ({ id }) => {
      repo.deleteInterview(id);
      return { ok: true as const };
    },
    'rankList.get': () => repo.rankList(),
    'rankList.save': ({ applicationIds, date }) => repo.saveRankList(applicationIds, date, now()),
    'rankList.setFee': ({ extraRankFee }) => repo.setExtraRankFee(extraRankFee),
    'prepCard.get': () => repo.prepCard(),
    'prepCard.save': (card) => repo.savePrepCard(card, now()),
  };
}
