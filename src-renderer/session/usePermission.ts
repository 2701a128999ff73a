import type { Channel } from '../../src-shared/contract';
import { canCall, permissions } from '../../src-shared/permissions';
import { useSession } from './context';

/** Whether the current user's role may call a channel: hides buttons the server would refuse. */
export function useCan(): (channel: Channel) => boolean {
  const { status } = useSession();
  const role = status.user?.role ?? null;
  return (channel) => canCall(permissions[channel], role);
}
