#!/usr/bin/env python3
"""Writes the rule and knowledge packs of core/ as one bundle file for the wasm engine.

The wasm engine is handed its packs at start instead of carrying them inside the .wasm
(they were a third of it; docs/benchmarks.md). The format is read by parse_pack_bundle
(core/src/pack_files.h). Each file's JSON is written without the whitespace between tokens
(strings, numbers and key order untouched), so the engine reads the same packs as the
native build, which embeds the files as they are.

Usage: pack-bundle.py CORE_DIR OUT
"""
import json
import sys
from pathlib import Path


def without_layout(text, where):
    """The JSON text with whitespace outside strings removed; every token kept byte for byte."""
    try:
        json.loads(text)
    except json.JSONDecodeError as e:
        sys.exit(f'pack-bundle.py: {where}: line {e.lineno}, column {e.colno}: {e.msg}')
    out, in_string, escaped = [], False, False
    for ch in text:
        if in_string:
            out.append(ch)
            if escaped:
                escaped = False
            elif ch == '\\':
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
            out.append(ch)
        elif ch not in ' \t\r\n':
            out.append(ch)
    return ''.join(out)


def main():
    if len(sys.argv) != 3:
        sys.exit('usage: pack-bundle.py CORE_DIR OUT')
    core, out_path = Path(sys.argv[1]), Path(sys.argv[2])
    # The same files, in the same order, as cmake/GeneratePack.cmake embeds.
    files = sorted(str(p.relative_to(core)) for pattern in ('rules/**/*.json', 'knowledge/**/*.json') for p in core.glob(pattern))
    if not files:
        sys.exit(f'pack-bundle.py: no rules/*.json or knowledge/*.json under {core}')
    parts = [b'consentlens-pack 1\n']
    for name in files:
        content = without_layout((core / name).read_text(encoding='utf-8'), name).encode('utf-8')
        parts += [f'FILE {name} {len(content)}\n'.encode('utf-8'), content, b'\n']
    parts.append(b'END\n')
    out_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = out_path.with_name(out_path.name + '.tmp')
    tmp.write_bytes(b''.join(parts))
    tmp.replace(out_path)


if __name__ == '__main__':
    main()
