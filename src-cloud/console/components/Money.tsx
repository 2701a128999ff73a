import { Tooltip } from '@mantine/core';
import { formatRupiah, formatRupiahShort } from '../../../src-shared/format/money';

/** Rupiah as the desktop app writes it: in full up to a billion, `Rp 67,4 M` beyond with the full figure on hover. */
export function Money({ amount }: { amount: number }) {
  const full = formatRupiah(amount);
  if (Math.abs(amount) < 1e9) return <>{full}</>;
  return (
    <Tooltip label={full} withArrow>
      <span data-full={full} style={{ cursor: 'help' }}>
        {formatRupiahShort(amount)}
      </span>
    </Tooltip>
  );
}
