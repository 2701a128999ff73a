import { Center, Loader, Stack } from '@mantine/core';
import { BrandMark } from './BrandMark';

export function FullPageLoader() {
  return (
    <Center mih="100vh">
      <Stack align="center" gap="lg">
        <BrandMark size={56} />
        <Loader type="dots" />
      </Stack>
    </Center>
  );
}
