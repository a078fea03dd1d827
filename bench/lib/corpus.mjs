// The notices both engine benchmarks run over: the project's own labelled notices, and the
// shared development sets when that folder is present (as in CI).
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export function corpusSets(root) {
  const files = [join(root, 'tests/corpus/notices.jsonl')];
  for (const f of ['notices-dev.jsonl', 'oss-strings-dev.jsonl']) {
    const p = join(root, '../shared/corpus', f);
    if (existsSync(p)) files.push(p);
  }
  return files.map((file) => ({
    name: relative(root, file),
    notices: readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l))
      .map((ex, i) => ({ id: ex.id ?? `line ${i + 1}`, text: ex.text, url: ex.url ?? '' })),
  }));
}
