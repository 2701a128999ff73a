import type { Language } from '../../src-shared/schemas/auth';
import { useApiMutation } from '../api/hooks';
import { changeLanguage } from '../i18n';
import { useSession } from '../session/context';

/** Switch language now, and save it as the user's preference so it follows them to the next login. */
export function useSetLanguage(): (language: Language) => void {
  const { refresh } = useSession();
  const save = useApiMutation('auth.setPreferences', { onSuccess: () => refresh() });
  return (language) => {
    void changeLanguage(language);
    save.mutate({ language });
  };
}
