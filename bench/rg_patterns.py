#!/usr/bin/env python3
"""Turns the pack's RE2 patterns (consentlens rules patterns, one per line on stdin) into the
syntax of Debian's ripgrep, for the baseline in docs/benchmarks.md. The two dialects differ only
in escapes: RE2 takes an escaped quote or slash ("\\"", "\\/") as the character itself, while
this ripgrep refuses to escape punctuation that is not a regex operator. Every other construct
(\\x{...}, \\pL, (?-i:...), lazy quantifiers, classes) is read the same way by both."""
import sys

RG_ESCAPABLE = set("\\.+*?()|[]{}^$#&-~")


def convert(p):
    out, i = [], 0
    while i < len(p):
        c = p[i]
        if c == "\\" and i + 1 < len(p):
            nxt = p[i + 1]
            if not nxt.isalnum() and nxt not in RG_ESCAPABLE and ord(nxt) < 128:
                out.append(nxt)  # an escaped non-operator: the character itself
            else:
                out.append(p[i:i + 2])
            i += 2
            continue
        out.append(c)
        i += 1
    return "".join(out)


for line in sys.stdin:
    line = line.rstrip("\n")
    if line:
        print(convert(line))
