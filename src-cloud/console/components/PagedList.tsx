import { Button, Center, Skeleton } from '@mantine/core';
import { useInfiniteQuery, type QueryKey } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { z } from 'zod';
import { api } from '../api/client';
import { ErrorState } from './ErrorState';

/** The cloud's logs answer a page at a time, newest first: `next` is the cursor of the page after. */
type PageSchema<T> = z.ZodType<{ items: T[]; next: number | null }>;

/** A log read page by page (`?before=`), its loaded rows flattened. */
export function usePagedList<T>(queryKey: QueryKey, path: string, schema: PageSchema<T>) {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => api('GET', `${path}?limit=50${pageParam ? `&before=${pageParam}` : ''}`, schema),
    initialPageParam: 0,
    getNextPageParam: (page) => page.next ?? undefined,
  });
  return { query, items: query.data?.pages.flatMap((p) => p.items) ?? [] };
}

interface Props<T> {
  list: ReturnType<typeof usePagedList<T>>;
  skeletonHeight: number;
  /** Shown when the log holds nothing yet. */
  empty: ReactNode;
  moreLabel: string;
  children: ReactNode;
}

/** A paged log's states: the error with a retry, a skeleton, the empty note or the rows, and "more". */
export function PagedList<T>({ list: { query, items }, skeletonHeight, empty, moreLabel, children }: Props<T>) {
  return (
    <>
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.isPending ? (
        <Skeleton height={skeletonHeight} />
      ) : items.length === 0 ? (
        empty
      ) : (
        children
      )}
      {query.hasNextPage && (
        <Center mt="sm">
          <Button variant="default" size="xs" loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
            {moreLabel}
          </Button>
        </Center>
      )}
    </>
  );
}
