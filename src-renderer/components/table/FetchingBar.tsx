import { Progress } from '@mantine/core';

/**
 * A thin moving bar along the top edge of a table's card while its rows are asked again. It keeps
 * its place when hidden, so the table does not jump when it shows.
 */
export function FetchingBar({ visible }: { visible: boolean }) {
  return (
    <Progress
      value={100}
      animated
      size={2}
      radius={0}
      pos="absolute"
      top={0}
      left={0}
      right={0}
      style={{ zIndex: 2, visibility: visible ? 'visible' : 'hidden' }}
    />
  );
}
