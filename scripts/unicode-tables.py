#!/usr/bin/env python3
"""Writes the Unicode tables the core's normaliser needs (core/src/unicode.cc) as C++ source.

Only what matching uses: NFKC (full compatibility decompositions, canonical combining
classes, canonical compositions minus the exclusions), the three general categories
normalize.cc tests (Zs, Cf, Cc), and simple case folding (the literal prefilter's). A general Unicode library carries everything else too
(case mappings, widths, grapheme data), which was more than half of the wasm engine's size.

Input: the Unicode Character Database files of Debian's `unicode-data` package.
Usage: unicode-tables.py UCD_DIR OUT.cc
"""
import sys
from pathlib import Path

S_BASE, S_COUNT = 0xAC00, 11172  # Hangul syllables decompose algorithmically (unicode.cc)


def unicode_data_rows(ucd):
    """(code point, fields) for every assigned code point, ranges (<..., First>) expanded."""
    rows = iter((ucd / 'UnicodeData.txt').read_text(encoding='utf-8').splitlines())
    for line in rows:
        fields = line.split(';')
        cp = int(fields[0], 16)
        if fields[1].endswith(', First>'):
            last = int(next(rows).split(';')[0], 16)
            for c in range(cp, last + 1):
                yield c, fields
        else:
            yield cp, fields


def full_composition_exclusions(ucd):
    excluded = set()
    for line in (ucd / 'DerivedNormalizationProps.txt').read_text(encoding='utf-8').splitlines():
        data = line.split('#')[0].split(';')
        if len(data) < 2 or data[1].strip() != 'Full_Composition_Exclusion':
            continue
        span = data[0].strip().split('..')
        first = int(span[0], 16)
        last = int(span[-1], 16)
        excluded.update(range(first, last + 1))
    return excluded


def ranges(code_points):
    """Sorted, merged [first, last] runs of a set of code points."""
    out = []
    for c in sorted(code_points):
        if out and out[-1][1] == c - 1:
            out[-1][1] = c
        else:
            out.append([c, c])
    return out


def main():
    if len(sys.argv) != 3:
        sys.exit('usage: unicode-tables.py UCD_DIR OUT.cc')
    ucd, out_path = Path(sys.argv[1]), Path(sys.argv[2])
    if not (ucd / 'UnicodeData.txt').is_file():
        sys.exit(f'unicode-tables.py: {ucd}/UnicodeData.txt is missing (Debian package unicode-data)')

    mapping, combining, category = {}, {}, {}
    for cp, fields in unicode_data_rows(ucd):
        category[cp] = fields[2]
        if fields[3] != '0':
            combining[cp] = int(fields[3])
        if fields[5]:
            mapping[cp] = fields[5]

    def full_decomposition(cp):
        decomposition = mapping.get(cp)
        if not decomposition:
            return [cp]
        parts = decomposition.split()
        if parts[0].startswith('<'):  # a compatibility tag: NFKC applies it too
            parts = parts[1:]
        return [d for p in parts for d in full_decomposition(int(p, 16))]

    # Simple case folding (CaseFolding.txt, statuses C and S): the orbits RE2's case-insensitive
    # matching uses, so a folded atom found in a folded text is a sound prefilter (word_finder.h).
    folds = {}
    for line in (ucd / 'CaseFolding.txt').read_text(encoding='utf-8').splitlines():
        data = [f.strip() for f in line.split('#')[0].split(';')]
        if len(data) >= 3 and data[1] in ('C', 'S'):
            folds[int(data[0], 16)] = int(data[2], 16)
    # Runs of code points folded by the same offset, every one (stride 1) or every other (stride 2,
    # the Latin and Cyrillic upper/lower pairs): about 200 runs instead of 1,400 pairs.
    fold_runs = []
    for cp in sorted(folds):
        delta = folds[cp] - cp
        if fold_runs:
            first, last, d, stride = fold_runs[-1]
            if d == delta and ((stride == 1 and cp == last + 1) or (stride == 2 and cp == last + 2)):
                fold_runs[-1][1] = cp
                continue
            if d == delta and first == last and cp in (last + 1, last + 2):
                fold_runs[-1][1] = cp
                fold_runs[-1][3] = cp - last
                continue
        fold_runs.append([cp, cp, delta, 1])

    excluded = full_composition_exclusions(ucd)
    compositions = []
    for cp, decomposition in mapping.items():
        parts = decomposition.split()
        if len(parts) == 2 and not parts[0].startswith('<') and cp not in excluded:
            compositions.append((int(parts[0], 16), int(parts[1], 16), cp))
    compositions.sort()

    combining_runs = []
    for cp in sorted(combining):
        if combining_runs and combining_runs[-1][1] == cp - 1 and combining_runs[-1][2] == combining[cp]:
            combining_runs[-1][1] = cp
        else:
            combining_runs.append([cp, cp, combining[cp]])

    # The decompositions as UTF-16 (surrogate pairs for the few beyond the BMP): half the
    # size of 32-bit code points, and the wasm engine's size is budgeted.
    decomposed = sorted(cp for cp in mapping if not S_BASE <= cp < S_BASE + S_COUNT)
    pool, starts = [], []
    for cp in decomposed:
        starts.append(len(pool))
        for d in full_decomposition(cp):
            if d > 0xFFFF:
                pool += [0xD800 + ((d - 0x10000) >> 10), 0xDC00 + ((d - 0x10000) & 0x3FF)]
            else:
                pool.append(d)
    starts.append(len(pool))
    if len(pool) > 0xFFFF:
        sys.exit('unicode-tables.py: the decomposition pool no longer fits 16-bit offsets')

    def hex_list(values, per_line=10):
        items = [f'0x{v:X}' for v in values]
        return '\n'.join('    ' + ', '.join(items[i:i + per_line]) + ',' for i in range(0, len(items), per_line))

    def range_list(runs):
        return '\n'.join(f'    {{0x{a:X}, 0x{b:X}}},' for a, b in runs)

    # "# DerivedNormalizationProps-15.0.0.txt": the UCD version the tables come from.
    first_line = (ucd / 'DerivedNormalizationProps.txt').read_text(encoding='utf-8').split('\n', 1)[0]
    version = first_line.lstrip('# ').removesuffix('.txt')

    source = f'''// Generated by scripts/unicode-tables.py from {version} ({ucd}). Do not edit.
#include "unicode.h"

namespace consentlens::unicode_tables {{

const CodePointRange kSpaceSeparators[] = {{
{range_list(ranges(c for c, k in category.items() if k == 'Zs'))}
}};
const std::size_t kSpaceSeparatorCount = sizeof kSpaceSeparators / sizeof kSpaceSeparators[0];

const CodePointRange kFormatOrControl[] = {{
{range_list(ranges(c for c, k in category.items() if k in ('Cf', 'Cc')))}
}};
const std::size_t kFormatOrControlCount = sizeof kFormatOrControl / sizeof kFormatOrControl[0];

const CombiningRun kCombiningRuns[] = {{
{chr(10).join(f'    {{0x{a:X}, 0x{b:X}, {c}}},' for a, b, c in combining_runs)}
}};
const std::size_t kCombiningRunCount = sizeof kCombiningRuns / sizeof kCombiningRuns[0];

const char32_t kDecomposed[] = {{
{hex_list(decomposed)}
}};
const std::size_t kDecomposedCount = sizeof kDecomposed / sizeof kDecomposed[0];

// kDecompositionPool[kDecompositionStart[i] .. kDecompositionStart[i + 1]) is kDecomposed[i]'s
// full compatibility decomposition (applied recursively, not yet reordered), in UTF-16.
const std::uint16_t kDecompositionStart[] = {{
{hex_list(starts, 12)}
}};

const char16_t kDecompositionPool[] = {{
{hex_list(pool)}
}};

const CaseFoldRun kCaseFoldRuns[] = {{
{chr(10).join(f'    {{0x{a:X}, 0x{b:X}, {d}, {st}}},' for a, b, d, st in fold_runs)}
}};
const std::size_t kCaseFoldRunCount = sizeof kCaseFoldRuns / sizeof kCaseFoldRuns[0];

const Composition kCompositions[] = {{
{chr(10).join(f'    {{0x{a:X}, 0x{b:X}, 0x{c:X}}},' for a, b, c in compositions)}
}};
const std::size_t kCompositionCount = sizeof kCompositions / sizeof kCompositions[0];

}}  // namespace consentlens::unicode_tables
'''
    out_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = out_path.with_suffix('.tmp')
    tmp.write_text(source, encoding='utf-8')
    tmp.replace(out_path)


if __name__ == '__main__':
    main()
