import { notifications } from '@mantine/notifications';
import i18n from '../i18n';

export function notifySuccess(message: string, title?: string): void {
  notifications.show({ color: 'teal', title, message, autoClose: 4000 });
}

/** The sentence of an ApiError (already in plain words); anything else becomes the generic one. */
export function notifyError(error: unknown): void {
  const message = error instanceof Error && error.message ? error.message : i18n.t('errors.unknown');
  notifications.show({ color: 'red', title: i18n.t('errors.title'), message, autoClose: 7000 });
}
