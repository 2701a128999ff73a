import { ActionIcon, Button, Tooltip, VisuallyHidden, type ButtonProps } from '@mantine/core';
import { useId } from 'react';
import { IconBrandWhatsapp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { waLink } from '../../src-shared/content/placeholders';
import { whatsAppBlocked } from './whatsAppBlocked';

type Props = Omit<ButtonProps, 'children' | 'leftSection' | 'disabled'> & {
  phone: string | null | undefined;
  testId?: string;
  /** An icon with the words as its name and tooltip, for a row of a narrow table. */
  compact?: boolean;
  /** The message the chat opens with (placeholders already filled); empty by default. */
  message?: string;
  /** Called as the chat opens, e.g. to log the message as a lead's activity. */
  onOpen?: () => void;
};

/**
 * "Hubungi via WhatsApp": a wa.me click-to-chat link, the one kind of link the desktop lets out to
 * the system browser (main process, isAllowedExternalUrl), as the send page's "Kirim WA" does.
 * Without a usable number the button stays, disabled, and says why.
 */
export function WhatsAppButton({ phone, testId, size = 'xs', compact = false, message = '', onOpen, ...rest }: Props) {
  const { t } = useTranslation();
  const blocked = whatsAppBlocked(phone);
  const reasonId = useId();
  if (blocked || !phone) {
    const reason = t(blocked === 'notMobile' ? 'customers.wa.notMobile' : 'customers.wa.noPhone');
    // The reason is the disabled button's description (read with it) and its tooltip on hover; a
    // disabled button gets no pointer events, so the tooltip hangs on a wrapper.
    return (
      <Tooltip label={reason} withArrow>
        <span style={{ display: 'inline-block' }} data-testid={testId ? `${testId}-blocked` : undefined} data-reason={blocked}>
          {compact ? (
            <ActionIcon
              size="md"
              color="teal"
              variant="light"
              disabled
              aria-label={t('customers.wa.button')}
              aria-describedby={reasonId}
              style={{ pointerEvents: 'none' }}
            >
              <IconBrandWhatsapp size={16} />
            </ActionIcon>
          ) : (
            <Button
              size={size}
              color="teal"
              variant="light"
              leftSection={<IconBrandWhatsapp size={14} />}
              disabled
              aria-describedby={reasonId}
              {...rest}
              style={{ pointerEvents: 'none' }}
            >
              {t('customers.wa.button')}
            </Button>
          )}
          <VisuallyHidden id={reasonId}>{reason}</VisuallyHidden>
        </span>
      </Tooltip>
    );
  }
  if (compact) {
    return (
      <Tooltip label={t('customers.wa.button')} withArrow>
        <ActionIcon
          component="a"
          href={waLink(phone, message)}
          target="_blank"
          rel="noopener noreferrer"
          size="md"
          color="teal"
          variant="light"
          aria-label={t('customers.wa.button')}
          onClick={(event) => {
            event.stopPropagation();
            onOpen?.();
          }}
          data-testid={testId}
        >
          <IconBrandWhatsapp size={16} />
        </ActionIcon>
      </Tooltip>
    );
  }
  return (
    <Button
      component="a"
      href={waLink(phone, message)}
      target="_blank"
      rel="noopener noreferrer"
      size={size}
      color="teal"
      variant="light"
      leftSection={<IconBrandWhatsapp size={14} />}
      onClick={(event) => {
        event.stopPropagation();
        onOpen?.();
      }}
      data-testid={testId}
      {...rest}
    >
      {t('customers.wa.button')}
    </Button>
  );
}
