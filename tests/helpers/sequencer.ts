// The order the suite's files start in: the longest first (by the last run's
// times, or by size on a first run), whatever their project, so that the
// long end-to-end files and the long isolated files start at once and the
// short files fill the end on both workers. vitest's own order runs one
// project after the other, which leaves a worker idle while the next starts.
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const cache = this.ctx.cache;
    const weight = (spec: TestSpecification) => {
      const key = `${spec.project.name}:${relative(this.ctx.config.root, spec.moduleId)}`;
      const result = cache.getFileTestResults(key);
      // A failed file first, then the longest; a file never run counts 1 ms per 10 bytes.
      if (result) return result.failed ? Number.MAX_SAFE_INTEGER : result.duration;
      return (cache.getFileStats(key)?.size ?? 0) / 10;
    };
    const weights = new Map(files.map((spec) => [spec, weight(spec)]));
    return [...files].sort((a, b) => weights.get(b)! - weights.get(a)!);
  }
}
