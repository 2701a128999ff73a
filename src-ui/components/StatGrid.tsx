import { SimpleGrid, type SimpleGridProps } from '@mantine/core';
import { StatCard, type StatCardProps } from './StatCard';

interface Props extends SimpleGridProps {
  /** The figures in the order they are shown, one card each. */
  stats: StatCardProps[];
}

/** A page's row of figure cards: the list says what each card shows, the grid how many fit a row. */
export function StatGrid({ stats, ...grid }: Props) {
  return (
    <SimpleGrid {...grid}>
      {stats.map((stat) => (
        <StatCard key={stat.testId ?? stat.label} {...stat} />
      ))}
    </SimpleGrid>
  );
}
