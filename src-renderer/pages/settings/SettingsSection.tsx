import { Card, Text } from '@mantine/core';

/** A settings card: a bold title, a dimmed hint, then its fields. */
export function SettingsSection({ title, hint, children }: { title: string; hint: string; children: React.ReactNode }) {
  return (
    <Card>
      <Text fw={700}>{title}</Text>
      <Text size="sm" c="dimmed" mb="md">
        {hint}
      </Text>
      {children}
    </Card>
  );
}
