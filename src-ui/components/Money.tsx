import { Tooltip } from '@mantine/core';
import { useRupiahFit } from './useRupiahShort';

/** An amount of rupiah that fits a card or a list cell: `Rp 67,4 M`, with `Rp 67.359.575.000` on hover. */
export function Money({ amount }: { amount: number }) {
  const { text, full } = useRupiahFit()(amount);
  if (!full) return <>{text}</>;
  return (
    <Tooltip label={full} withArrow>
      <span data-full={full} style={{ cursor: 'help' }}>
        {text}
      </span>
    </Tooltip>
  );
}
