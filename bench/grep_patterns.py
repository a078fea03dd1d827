#!/usr/bin/env python3
"""Turns the pack's RE2 patterns (consentlens rules patterns) into GNU grep -E syntax, for the
baseline in docs/benchmarks.md: (?: becomes (, \\pL and \\pN become POSIX classes, \\x escapes
become the characters themselves (NUL, which grep cannot take in a pattern, becomes U+0001;
"[" inside a bracket becomes "\\", as "[." would open a collating element),
lazy quantifiers become greedy (grep only answers "does the line match", so that is the same)."""
import re
import sys

ERE_SPECIAL = set(".[]()*+?{}|^$\\")


def char_of(m):
    code = int(m.group(1) or m.group(2), 16)
    return chr(max(code, 1))


def convert(p):
    out, i, in_bracket = [], 0, False
    while i < len(p):
        m = re.match(r"\\x\{([0-9A-Fa-f]+)\}|\\x([0-9A-Fa-f]{2})", p[i:])
        if m:
            c = char_of(m)
            if in_bracket and c == "[":  # "[." or "[=" would open a collating element
                c = "\\"
            out.append(c if in_bracket or c not in ERE_SPECIAL else "\\" + c)
            i += m.end()
            continue
        c = p[i]
        if p.startswith("\\pL", i) or p.startswith("\\pN", i):
            cls = "[:alpha:]" if p[i + 2] == "L" else "[:digit:]"
            out.append(cls if in_bracket else "[" + cls + "]")
            i += 3
            continue
        if c == "\\" and i + 1 < len(p):
            out.append(p[i:i + 2])
            i += 2
            continue
        if c == "[" and not in_bracket:
            in_bracket = True
            out.append(c)
            if p[i + 1:i + 2] == "^":
                out.append("^")
                i += 1
            i += 1
            continue
        if c == "]" and in_bracket:
            in_bracket = False
        out.append(c)
        i += 1
    return "".join(out)


for line in sys.stdin:
    p = line.rstrip("\n")
    p = p.replace("(?:", "(")
    p = re.sub(r"(\{\d*,?\d*\}|[*+?])\?", r"\1", p)
    p = p.replace("\\d", "[[:digit:]]")
    print(convert(p))
