import { useTranslation } from 'react-i18next';
import type { AnalyticsExportLabels } from '../../../src-ui/assistant/analyticsExport';

/** The laptop's words for the export the console's panel makes too (src-ui/assistant). */
export function useExportLabels(): AnalyticsExportLabels {
  const { t } = useTranslation();
  return {
    phase: (p) => t(`assistant.phase.${p}`),
    reason: (r) => t(`assistant.reason.${r}`),
    noCode: t('assistant.list.noCode'),
    section: {
      summary: t('assistant.analytics.export.summary'),
      phases: t('assistant.analytics.phases.title'),
      funnel: t('assistant.analytics.funnel.title'),
      campaigns: t('assistant.analytics.campaigns.title'),
      escalation: t('assistant.analytics.escalation'),
      reasons: t('assistant.analytics.reasons.title'),
      response: t('assistant.analytics.response'),
      questions: t('assistant.analytics.questions.title'),
      modelReasons: t('assistant.analytics.unknown.title'),
    },
    conversations: t('assistant.analytics.conversations'),
    bookings: t('assistant.analytics.bookings'),
    handovers: t('assistant.analytics.export.handovers'),
    replies: t('assistant.analytics.export.replies'),
    column: {
      section: t('assistant.analytics.export.section'),
      item: t('assistant.analytics.export.item'),
      count: t('assistant.analytics.export.count'),
      bookings: t('assistant.analytics.campaigns.bookings'),
      handovers: t('assistant.analytics.campaigns.handovers'),
      seconds: t('assistant.analytics.export.seconds'),
    },
    menu: { button: t('assistant.analytics.export.button'), xlsx: t('assistant.analytics.export.xlsx'), csv: t('assistant.analytics.export.csv') },
    fileName: t('assistant.analytics.export.file'),
    sheetName: t('assistant.tabs.analytics'),
  };
}
