import type { Translate } from '../../../src-shared/i18n/messages';
import type { ImportIssue, IssueCategory } from '../../../src-shared/schemas/import';

/** Keeps every issue's count and the first `keep` issues themselves (a 1M-row file can have many). */
export class IssueLog {
  readonly byCategory: Record<string, number> = {};
  readonly kept: ImportIssue[] = [];
  total = 0;

  constructor(
    readonly t: Translate,
    private readonly keep = 100_000,
  ) {}

  add(issue: ImportIssue): void {
    this.total += 1;
    this.byCategory[issue.category] = (this.byCategory[issue.category] ?? 0) + 1;
    if (this.kept.length < this.keep) this.kept.push(issue);
  }

  issue(line: number, column: string, field: string, category: IssueCategory, value: string, message: string): void {
    this.add({ line, column, field, category, value: value.slice(0, 200), message });
  }
}
