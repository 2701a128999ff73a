import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { notifyError } from '../components/notify';
import { ApiError } from './client';

/** A lost session only means "show the login page": the session provider handles it. */
function report(error: unknown, meta: Record<string, unknown> | undefined): void {
  if (meta?.silent || (error instanceof ApiError && error.code === 'UNAUTHENTICATED')) return;
  notifyError(error);
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    // Queries show their own error in place (ErrorState); mutations say it in a toast.
    queryCache: new QueryCache({ onError: (error, query) => (query.state.data === undefined ? undefined : report(error, query.meta)) }),
    mutationCache: new MutationCache({ onError: (error, _vars, _ctx, mutation) => report(error, mutation.meta) }),
    defaultOptions: {
      queries: {
        retry: (count, error) => !(error instanceof ApiError) && count < 1,
        refetchOnWindowFocus: false,
        // A console watches shops that change under it: every visit to a page asks again (showing
        // what it had meanwhile), rather than trusting a copy from a minute ago.
        staleTime: 0,
      },
      mutations: { retry: false },
    },
  });
}
