import { useQuery } from '@tanstack/react-query';
import {
  analyticsResponse,
  assistantPath,
  assistantReadPaths,
  conversationResponse,
  conversationsResponse,
  handoversResponse,
  overviewResponse,
  promptsResponse,
  settingsResponse,
} from '../../../../src-shared/cloud/assistant-schemas';
import { api, ApiError } from '../../api/client';

/** Every assistant query of one shop starts with this key, so a hand-back or a save refreshes them all. */
export const assistantKey = (id: string) => ['assistant', id] as const;

/**
 * A server without the assistant's key has none of its routes: the console's own file server answers
 * "No route …" (src-cloud/server/console-static.ts), Fastify alone a 404 of its own shape.
 */
export const notOnServer = (error: unknown) =>
  error instanceof ApiError && error.status === 404 && (error.code !== 'NOT_FOUND' || String(error.details.message ?? '').startsWith('No route'));

export function useAssistantSettings(id: string) {
  return useQuery({ queryKey: [...assistantKey(id), 'settings'], queryFn: () => api('GET', assistantPath('settings', { id }), settingsResponse) });
}

export function useConversations(id: string, filter: { phase: string | null; handedOver: boolean }) {
  const params = new URLSearchParams();
  if (filter.phase) params.set('phase', filter.phase);
  if (filter.handedOver) params.set('handedOver', 'true');
  const query = params.toString();
  return useQuery({
    queryKey: [...assistantKey(id), 'conversations', filter],
    queryFn: () => api('GET', `${assistantPath('conversations', { id })}${query ? `?${query}` : ''}`, conversationsResponse),
    // A live list: new messages arrive while the page is open.
    refetchInterval: 15_000,
  });
}

export function useConversation(id: string, conversationId: string) {
  return useQuery({
    queryKey: [...assistantKey(id), 'conversation', conversationId],
    queryFn: () => api('GET', assistantPath('conversation', { id, conversationId }), conversationResponse),
    refetchInterval: 15_000,
  });
}

export function useHandovers(id: string) {
  return useQuery({
    queryKey: [...assistantKey(id), 'handovers'],
    queryFn: () => api('GET', assistantPath('handovers', { id }), handoversResponse),
    refetchInterval: 15_000,
  });
}

export function useAnalytics(id: string, range: { from: string; to: string } | null) {
  const query = range ? `?from=${range.from}&to=${range.to}` : '';
  return useQuery({
    queryKey: [...assistantKey(id), 'analytics', range],
    queryFn: () => api('GET', `${assistantPath('analytics', { id })}${query}`, analyticsResponse),
  });
}

export function usePrompts(id: string) {
  return useQuery({ queryKey: [...assistantKey(id), 'prompts'], queryFn: () => api('GET', assistantPath('prompts', { id }), promptsResponse) });
}

export function useOverview() {
  return useQuery({ queryKey: ['assistant', 'overview'], queryFn: () => api('GET', assistantReadPaths.overview, overviewResponse), refetchInterval: 30_000 });
}
