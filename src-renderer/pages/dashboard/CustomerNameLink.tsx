import { Anchor } from '@mantine/core';
import { href } from '../../router';

/**
 * A customer's name in a dashboard table whose rows open the customer on a click anywhere. The
 * name is a link, so a keyboard reaches the row with Tab and opens it too; its own click does not
 * also fire the row's.
 */
export function CustomerNameLink({ id, name, testId }: { id: string; name: string; testId: string }) {
  return (
    <Anchor href={href('customers', id)} size="sm" fw={600} display="block" onClick={(event) => event.stopPropagation()} data-testid={testId}>
      {name}
    </Anchor>
  );
}
