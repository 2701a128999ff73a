import { notifications } from '@mantine/notifications';
import i18n from '../i18n';

export function notifySuccess(message: string, title?: string): void {
  notifications.show({ color: 'teal', title, message, autoClose: 4000 });
}

/** Shows the server's sentence as-is; anything that is not an Error becomes the generic sentence. */
export function notifyError(error: unknown): void {
  const message = error instanceof Error && error.message ? error.message : i18n.t('errors.unknown');
  notifications.show({ color: 'red', title: i18n.t('errors.title'), message, autoClose: 7000 });
}
