import { keepPreviousData, useMutation, useQuery, useQueryClient, type UseMutationOptions, type UseQueryOptions } from '@tanstack/react-query';
import type { Channel, ChannelInput, ChannelOutput } from '../../src-shared/contract';
import { call, type ApiError } from './client';

type QueryOptions<C extends Channel> = Omit<UseQueryOptions<ChannelOutput<C>, ApiError>, 'queryKey' | 'queryFn'>;

/** A query keyed by `[channel, input]`, so invalidating a domain (`customers`) refreshes all its lists. */
export function useApiQuery<C extends Channel>(channel: C, input: ChannelInput<C>, options?: QueryOptions<C>) {
  return useQuery<ChannelOutput<C>, ApiError>({
    queryKey: [channel, input],
    queryFn: () => call(channel, input),
    ...options,
  });
}

/** A paged list: keeps the previous page on screen while the next one loads. */
export function useApiListQuery<C extends Channel>(channel: C, input: ChannelInput<C>, options?: QueryOptions<C>) {
  return useApiQuery(channel, input, { placeholderData: keepPreviousData, ...options });
}

type MutationOptions<C extends Channel> = Omit<UseMutationOptions<ChannelOutput<C>, ApiError, ChannelInput<C>>, 'mutationFn'> & {
  /** Domains whose queries to refresh on success, e.g. `['customers', 'transactions']`. */
  invalidates?: string[];
  /** Set when the screen shows the error itself (inline), so no red notification is added. */
  silent?: boolean;
};

export function useApiMutation<C extends Channel>(channel: C, options: MutationOptions<C> = {}) {
  const queryClient = useQueryClient();
  const { invalidates = [], silent = false, onSuccess, ...rest } = options;
  return useMutation<ChannelOutput<C>, ApiError, ChannelInput<C>>({
    mutationFn: (input) => call(channel, input),
    meta: { silent },
    ...rest,
    onSuccess: async (...args) => {
      if (invalidates.length > 0) await invalidateDomains(queryClient, invalidates);
      await onSuccess?.(...args);
    },
  });
}

export function invalidateDomains(queryClient: ReturnType<typeof useQueryClient>, domains: string[]) {
  return queryClient.invalidateQueries({
    predicate: (query) => {
      const channel = query.queryKey[0];
      return typeof channel === 'string' && domains.some((domain) => channel.startsWith(`${domain}.`));
    },
  });
}
