// The application overview, interviews, the rank order list and the prep card.
import type { Handlers } from '../../shared/api/contract';
import type { pipelineApi } from '../../shared/api/pipeline-api';
import { OK, type HandlerContext } from './context';

export function createPipelineHandlers({ repos, clock }: HandlerContext): Pick<Handlers, keyof typeof pipelineApi> {
  const repo = repos.pipeline;
  return {
    'applications.overview': () => repo.overview(),
    'interviews.list': () => repo.interviews(),
    'interviews.save': (input) => repo.saveInterview(input, clock.now(), clock.today()),
    'interviews.delete': ({ id }) => {
      repo.deleteInterview(id);
      return OK;
    },
    'rankList.get': () => repo.rankList(),
    'rankList.save': ({ applicationIds, date }) => repo.saveRankList(applicationIds, date, clock.now(), clock.today()),
    'rankList.setFee': ({ extraRankFee }) => repo.setExtraRankFee(extraRankFee),
    'prepCard.get': () => repo.prepCard(),
    'prepCard.save': (card) => repo.savePrepCard(card, clock.now()),
  };
}
