import { idInput, method, noInput } from './define';
import { contactSaveSchema, openingSaveSchema, pathSaveSchema, prelimItemSaveSchema, prelimOpenSchema, type PrelimOverview } from '../domain/prelim-plan';

export const prelimApi = {
  /** The prelim-year plan: suggested when the Match or SOAP result is a preliminary position, or as saved. */
  'prelim.overview': method<PrelimOverview>()(noInput),
  /** Opens a plan by hand (no prelim result recorded, or another program). */
  'prelim.open': method<PrelimOverview>()(prelimOpenSchema, { writes: ['prelim'] }),
  /** Adds a checklist item (no id) or changes one (also to tick it done). The first change saves a suggested plan. */
  'prelim.saveItem': method<PrelimOverview>()(prelimItemSaveSchema, { writes: ['prelim'] }),
  'prelim.deleteItem': method<PrelimOverview>()(idInput, { writes: ['prelim'] }),
  'prelim.saveOpening': method<PrelimOverview>()(openingSaveSchema, { writes: ['prelim'] }),
  'prelim.deleteOpening': method<PrelimOverview>()(idInput, { writes: ['prelim'] }),
  'prelim.savePath': method<PrelimOverview>()(pathSaveSchema, { writes: ['prelim'] }),
  'prelim.saveContact': method<PrelimOverview>()(contactSaveSchema, { writes: ['prelim'] }),
  'prelim.deleteContact': method<PrelimOverview>()(idInput, { writes: ['prelim'] }),
};
