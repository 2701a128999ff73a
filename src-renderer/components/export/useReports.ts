import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';

/** The reports with their names in the user's language (kept per language: they come translated). */
export function useReports() {
  const { i18n } = useTranslation();
  return useQuery({ queryKey: ['export.reports', {}, i18n.language], queryFn: () => call('export.reports', {}), staleTime: Infinity });
}
