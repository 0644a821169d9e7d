import { useRoute } from '../stores/route-store';
import { ConfirmDialog } from './Modal';

export const LEAVE_TITLE = 'Leave without saving?';

/** The question a screen with unsaved changes asks when the user goes to another screen. */
export function LeaveGuard() {
  const pending = useRoute((s) => s.pending);
  const question = useRoute((s) => s.leaveQuestion);
  const { leave, stay } = useRoute.getState();
  if (pending === null || question === null) return null;
  return <ConfirmDialog title={LEAVE_TITLE} message={question} cancelLabel="Stay on this screen" confirmLabel="Leave without saving" onCancel={stay} onConfirm={leave} />;
}
