// The application overview, interviews, the rank order list and the prep card.
import type { Handlers } from '../../shared/api/contract';
import type { pipelineApi } from '../../shared/api/pipeline-api';
import { AppError } from '../errors';
import { OK, type HandlerContext } from './context';

export function createPipelineHandlers({ repos, clock }: HandlerContext): Pick<Handlers, keyof typeof pipelineApi> {
  const repo = repos.pipeline;
  return {
    'applications.overview': () => repo.overview(),
    'interviews.list': () => repo.interviews(),
    'interviews.save': (input) => repo.saveInterview(input, clock.now(), clock.today()),
    'interviews.delete': ({ id }) => {
      // An interview the inbox recorded for an accepted invitation goes with that invitation:
      // deleting it here would leave the inbox saying "accepted" with no interview.
      const invitation = repos.invitations.linkedTo(id);
      if (invitation) {
        const program = repos.applications.programName(repos.applications.get(invitation.applicationId).programId);
        throw new AppError('conflict', `This interview is the one you accepted in the invitation from ${program}. To call it off, open that invitation on the Invitations screen and record it as cancelled (or declined); the interview goes with it.`);
      }
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
