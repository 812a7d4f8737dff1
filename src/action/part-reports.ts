import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { EntryStore, SaveResult } from '../cache/packs/entry-store.js';
import { mergeReports, parseJsonReport, type PartReport } from '../report/merge-reports.js';
import type { RunSummary } from '../report/events.js';

/** Fixed transfer directory (relative to the workspace): the store derives an entry's version from it. */
const REPORT_DIR = '.disbuild-cache/report';

/**
 * How the reports of a scaled-out run reach its aggregate step: each runner saves its JSON report as a small
 * cache entry named by the run, the plan and its part; the aggregate restores the newest of each (a re-run
 * shard's replaces the first attempt's). Part 0 is the planner, part i the shard `i/n`.
 */
export class PartReports {
  constructor(
    private readonly store: EntryStore,
    private readonly workspace: string,
    private readonly o: {
      keyPrefix: string;
      runId: string;
      planId: string;
      attempt: string;
      scratch: string;
    },
  ) {}

  #name(part: number): string {
    return `${this.o.keyPrefix}-report-${this.o.runId}-${this.o.planId}-${part}-`;
  }

  /** Saves one part's report; `denied` when this run may not write the cache (the aggregate will say so). */
  async save(part: number, reportPath: string): Promise<SaveResult> {
    const dir = join(this.workspace, REPORT_DIR);
    try {
      await rm(dir, { recursive: true, force: true });
      await mkdir(dir, { recursive: true });
      await copyFile(reportPath, join(dir, 'report.json'));
      return await this.store.save(REPORT_DIR, `${this.#name(part)}${this.o.attempt}-${Date.now()}`);
    } catch {
      return 'failed';
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /**
   * The planner's and every shard's newest report, merged; a part without one is reported as missing, with
   * `missing.why` when known, and as a failure unless `missing.passed` (the run may not write the cache, and the
   * workflow says its parts passed).
   */
  async merged(shards: number, missing?: { why: string; passed: boolean }): Promise<RunSummary> {
    const parts: PartReport[] = [];
    for (let part = 0; part <= shards; part++) {
      parts.push({
        part: part === 0 ? 'plan' : `shard ${part}/${shards}`,
        report: await this.#restore(part),
      });
    }
    return mergeReports(parts, missing);
  }

  async #restore(part: number) {
    // Fetched into a private directory, checked member by member: a report entry is as untrusted as any.
    const into = join(this.o.scratch, `report-${part}-${Date.now()}`);
    try {
      const found = await this.store.fetch(REPORT_DIR, this.#name(part), into);
      if (found.kind !== 'hit') return undefined;
      return parseJsonReport(await readFile(join(into, 'report.json'), 'utf8'));
    } catch {
      return undefined;
    } finally {
      await rm(into, { recursive: true, force: true });
    }
  }
}
