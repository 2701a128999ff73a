import { IconActivityHeartbeat, IconBrandWhatsapp, IconBuildingStore, IconHistory, IconSettings, type Icon } from '@tabler/icons-react';
import type { Route } from '../router';

export type NavKey = 'businesses' | 'assistant' | 'audit' | 'health' | 'settings';

export const NAV: { key: NavKey; icon: Icon }[] = [
  { key: 'businesses', icon: IconBuildingStore },
  { key: 'assistant', icon: IconBrandWhatsapp },
  { key: 'audit', icon: IconHistory },
  { key: 'settings', icon: IconSettings },
  { key: 'health', icon: IconActivityHeartbeat },
];

export function activeNav(route: Route): NavKey {
  const first = route.segments[0];
  return NAV.some((item) => item.key === first) ? (first as NavKey) : 'businesses';
}
