import type { Page } from 'playwright-core';

/**
 * Every element on screen that does not fit where it is drawn, named so a failure says which:
 * the page scrolling sideways, a table scrolling inside its card, a card or any box sticking out
 * of the main area, text running out of its own box (a stat figure under its icon) or cut with
 * an ellipsis ("WINBACK_D…", a channel badge "M…", a segmented control's "Banner pr…").
 */
export function findOverflows(page: Page): Promise<string[]> {
  return page.evaluate(OVERFLOWS) as Promise<string[]>;
}

/** Run in the page (as a string: the main tsconfig has no DOM types, and the CSP allows evaluate). */
const OVERFLOWS = `(() => {
  const main = document.querySelector('.mantine-AppShell-main > div');
  if (!main) return ['no main content area'];
  const area = main.getBoundingClientRect();
  const problems = [];
  const px = (n) => Math.round(n) + ' px';
  const name = (el) => {
    const owner = el.closest('[data-testid]');
    const cls = [...el.classList].find((c) => c.startsWith('mantine-')) || el.tagName.toLowerCase();
    const text = (el.textContent || '').replace(/\\s+/g, ' ').trim().slice(0, 40);
    return cls + (owner ? ' in [data-testid=' + owner.getAttribute('data-testid') + ']' : '') + ' "' + text + '"';
  };
  const shown = (el) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth + 1) problems.push('the page scrolls sideways by ' + px(root.scrollWidth - root.clientWidth));
  for (const scroller of main.querySelectorAll('.mantine-Table-scrollContainer, .mantine-ScrollArea-viewport')) {
    if (!shown(scroller) || !scroller.querySelector('table')) continue;
    if (scroller.scrollWidth > scroller.clientWidth + 1) problems.push('table ' + name(scroller.querySelector('table')) + ' scrolls sideways by ' + px(scroller.scrollWidth - scroller.clientWidth));
  }
  for (const box of main.querySelectorAll('.mantine-Card-root, .mantine-Paper-root, table')) {
    if (!shown(box)) continue;
    const rect = box.getBoundingClientRect();
    if (rect.right > area.right + 1 || rect.left < area.left - 1) problems.push(name(box) + ' sticks out of the main area (' + px(rect.left) + '–' + px(rect.right) + ' vs ' + px(area.left) + '–' + px(area.right) + ')');
    else if (box.tagName !== 'TABLE' && box.scrollWidth > box.clientWidth + 1) problems.push(name(box) + ' holds content ' + px(box.scrollWidth - box.clientWidth) + ' wider than itself');
  }
  // A box that cuts what it holds (a segmented control's last options, a badge's end).
  for (const el of main.querySelectorAll('*')) {
    if (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || !shown(el)) continue;
    // Words for screen readers only (a keyboard hint) are clipped to one pixel on purpose.
    if (el.classList.contains('mantine-VisuallyHidden-root')) continue;
    const overflow = getComputedStyle(el).overflowX;
    if ((overflow === 'hidden' || overflow === 'clip') && el.scrollWidth > el.clientWidth + 1) problems.push(name(el) + ' cuts ' + px(el.scrollWidth - el.clientWidth) + ' of what it holds');
  }
  // Text: its laid-out run against its own box; an ellipsis that hides part of it.
  const range = document.createRange();
  for (const el of main.querySelectorAll('.mantine-Text-root, .mantine-Title-root, .mantine-Badge-label, .mantine-SegmentedControl-label, .mantine-Tabs-tabLabel, td, th')) {
    if (!shown(el) || !(el.textContent || '').trim()) continue;
    const rect = el.getBoundingClientRect();
    range.selectNodeContents(el);
    const run = range.getBoundingClientRect();
    if (run.right > rect.right + 1 || run.left < rect.left - 1) problems.push('text ' + name(el) + ' runs ' + px(Math.max(run.right - rect.right, rect.left - run.left)) + ' out of its box');
    else if (getComputedStyle(el).textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + 1) problems.push('text ' + name(el) + ' is cut with an ellipsis');
  }
  // A stat card's figure never runs under its icon.
  for (const icon of main.querySelectorAll('.mantine-Card-root .mantine-ThemeIcon-root')) {
    const card = icon.closest('.mantine-Card-root');
    const iconBox = icon.getBoundingClientRect();
    for (const text of card.querySelectorAll('.mantine-Text-root')) {
      range.selectNodeContents(text);
      const run = range.getBoundingClientRect();
      const overlaps = run.width > 0 && run.right > iconBox.left + 1 && run.left < iconBox.right - 1 && run.bottom > iconBox.top + 1 && run.top < iconBox.bottom - 1;
      if (overlaps) problems.push('text ' + name(text) + ' runs under the icon of its card');
    }
  }
  return [...new Set(problems)];
})()`;
