import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/hooks';
import { useSession } from '../../session/context';

/** Stages, channels and the users a lead may be given to: the pickers of the leads pages. */
export function useLeadOptions() {
  const { t } = useTranslation();
  const me = useSession().status.user;
  const stages = useApiQuery('leads.stages', {}, { staleTime: 60_000 });
  const channels = useApiQuery('leads.channels', {}, { staleTime: 60_000 });
  const owners = useApiQuery('leads.owners', {}, { staleTime: 60_000 });
  const seesAll = me?.role === 'owner' || me?.role === 'manager';
  return {
    stages: stages.data ?? [],
    channels: channels.data ?? [],
    seesAll,
    stageData: (stages.data ?? []).map((stage) => ({ value: stage.id, label: stage.name })),
    channelData: (channels.data ?? []).map((channel) => ({ value: channel.id, label: channel.name })),
    /** For the owner field of a lead: a user (staff: only themselves). */
    ownerData: (owners.data ?? []).map((user) => ({ value: user.id, label: user.id === me?.id ? t('leads.owner.meNamed', { name: user.name }) : user.name })),
  };
}
