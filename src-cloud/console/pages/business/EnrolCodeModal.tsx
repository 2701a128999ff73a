import { Alert, Button, Center, CopyButton, Group, Image, Modal, Stack, Text } from '@mantine/core';
import { IconCheck, IconClockHour4, IconCopy } from '@tabler/icons-react';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  code: string;
  expiresAt: string;
  onClose: () => void;
}

function useSecondsLeft(expiresAt: string): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return Math.max(0, Math.floor((new Date(expiresAt).getTime() - now) / 1000));
}

/**
 * The code, shown this once (the cloud keeps only its hash): big, monospace and as a QR, with the
 * time it has left. Closing the dialog is the only way to lose it, so it closes only by a button.
 */
export function EnrolCodeModal({ code, expiresAt, onClose }: Props) {
  const { t } = useTranslation();
  const [qr, setQr] = useState<string | null>(null);
  const left = useSecondsLeft(expiresAt);
  useEffect(() => {
    let live = true;
    void QRCode.toDataURL(code, { margin: 1, width: 220, errorCorrectionLevel: 'M' }).then((url) => {
      if (live) setQr(url);
    });
    return () => {
      live = false;
    };
  }, [code]);
  const minutes = Math.floor(left / 60);
  const seconds = String(left % 60).padStart(2, '0');

  return (
    <Modal opened onClose={onClose} title={t('enrol.title')} closeOnClickOutside={false} size="md">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('enrol.intro')}
        </Text>
        <Text className="sma-code" fz={34} fw={700} ta="center" data-testid="enrol-code" style={{ wordBreak: 'break-all', opacity: left === 0 ? 0.4 : 1 }}>
          {code}
        </Text>
        <Center>{qr ? <Image src={qr} alt={t('enrol.qr')} w={200} h={200} data-testid="enrol-qr" /> : <div style={{ width: 200, height: 200 }} />}</Center>
        {left > 0 ? (
          <Group justify="center" gap={6}>
            <IconClockHour4 size={16} />
            <Text size="sm" fw={600} className="sma-num" data-testid="enrol-expiry">
              {t('enrol.expiresIn', { time: t('time.minutes', { m: minutes, s: seconds }) })}
            </Text>
          </Group>
        ) : (
          <Alert color="red" variant="light" data-testid="enrol-expired">
            {t('enrol.expired')}
          </Alert>
        )}
        <Group justify="flex-end">
          <CopyButton value={code}>
            {({ copied, copy }) => (
              <Button variant="default" leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />} onClick={copy}>
                {copied ? t('enrol.copied') : t('enrol.copy')}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onClose} data-testid="enrol-done">
            {t('enrol.done')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
