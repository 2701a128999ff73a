import {
  IconActivity,
  IconAddressBook,
  IconBrandWhatsapp,
  IconCalendarEvent,
  IconChartPie,
  IconChecklist,
  IconFileImport,
  IconHeartbeat,
  IconLayoutDashboard,
  IconPackage,
  IconReceipt,
  IconReportAnalytics,
  IconSettings,
  IconSparkles,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';
import type { Channel } from '../../src-shared/contract';

export type NavKey =
  | 'dashboard'
  | 'customers'
  | 'transactions'
  | 'products'
  | 'import'
  | 'rfm'
  | 'content'
  | 'reports'
  | 'settings'
  | 'health'
  | 'audit'
  | 'followups'
  | 'calendar'
  | 'leads'
  | 'assistant';

export interface NavItem {
  key: NavKey;
  icon: Icon;
  /** Shown only to roles that may call this channel. */
  requires?: Channel;
  /** Sub-pages listed under their parent. */
  parent?: NavKey;
}

export interface NavSection {
  label: 'sectionData' | 'sectionGrowth' | 'sectionAdmin';
  items: NavItem[];
}

export const navSections: NavSection[] = [
  {
    label: 'sectionData',
    items: [
      { key: 'dashboard', icon: IconLayoutDashboard },
      { key: 'customers', icon: IconUsers },
      { key: 'transactions', icon: IconReceipt },
      { key: 'products', icon: IconPackage },
      { key: 'import', icon: IconFileImport },
    ],
  },
  {
    label: 'sectionGrowth',
    items: [
      { key: 'leads', icon: IconAddressBook },
      { key: 'assistant', icon: IconBrandWhatsapp, requires: 'assistant.conversations' },
      { key: 'followups', icon: IconChecklist },
      { key: 'calendar', icon: IconCalendarEvent },
      { key: 'rfm', icon: IconChartPie },
      { key: 'content', icon: IconSparkles },
      { key: 'reports', icon: IconReportAnalytics },
    ],
  },
  {
    label: 'sectionAdmin',
    items: [
      { key: 'settings', icon: IconSettings },
      { key: 'health', icon: IconHeartbeat, requires: 'health.get', parent: 'settings' },
      { key: 'audit', icon: IconActivity, requires: 'audit.list', parent: 'settings' },
    ],
  },
];
