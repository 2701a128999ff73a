import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/**
 * axe's source, run by the test driver: the app's Content-Security-Policy (script-src 'self')
 * rightly refuses an injected <script>, and the check must not loosen it.
 */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * No list drawn faded while it refetches, no skeleton rows, no transition running (not animations:
 * a progress bar's stripes loop for good) and no dialog not yet fully in: a dialog sits at opacity 0
 * for a frame before its fade-in starts, and judged then its text measured half-faded (4.47:1).
 * Polled with evaluate: the CSP forbids waitForFunction's eval.
 */
// Opacity strictly between 0 and 1: a closed Collapse sits at 0 for good, a refetching list at 0.6 for a moment.
export const LOADED = `![...document.querySelectorAll('[style*=opacity]')].some((e) => { const o = Number(getComputedStyle(e).opacity); return o > 0 && o < 1; })
  && !document.querySelector('.mantine-Skeleton-root')
  && !document.getAnimations().some((a) => a instanceof CSSTransition && a.playState === 'running')
  && ![...document.querySelectorAll('.mantine-Modal-content, .mantine-Drawer-content, .mantine-Modal-overlay')].some((e) => Number(getComputedStyle(e).opacity) < 1)`;

/** What axe reports per violation, reduced to what a failure message needs. */
export interface Finding {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * axe on the page as it is now: WCAG 2.0/2.1/2.2 A and AA rules. Only "serious" and "critical"
 * findings are returned; the caller collects them per page so one run lists every page's problems.
 */
export async function audit(page: Page): Promise<Finding[]> {
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.evaluate(`${axeSource}\n;undefined`);
  const violations = (await page.evaluate(`window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    resultTypes: ['violations'],
  }).then((result) => result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map((n) => ({ target: n.target.map(String), failureSummary: n.failureSummary })),
  })))`)) as Finding[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export function describeFindings(found: Map<string, Finding[]>): string {
  const lines: string[] = [];
  for (const [name, findings] of found) {
    for (const finding of findings) {
      lines.push(`[${name}] ${finding.impact} ${finding.id} (${finding.help}), ${finding.nodes.length} element(s):`);
      for (const node of finding.nodes.slice(0, 8))
        lines.push(`    ${node.target.join(' ')}  — ${(node.failureSummary ?? '').split('\n').slice(1, 2).join('').trim()}`);
      if (finding.nodes.length > 8) lines.push(`    … and ${finding.nodes.length - 8} more`);
    }
  }
  return lines.join('\n');
}
