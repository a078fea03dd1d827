#!/usr/bin/env python3
"""Turns the pack's RE2 patterns (consentlens rules patterns) into GNU grep -E syntax, for the
baseline in docs/benchmarks.md: (?: becomes (, \\pL and \\pN become POSIX classes, lazy
quantifiers become greedy (grep only answers "does the line match", so that is the same)."""
import re
import sys

for line in sys.stdin:
    p = line.rstrip("\n")
    p = p.replace("(?:", "(")
    p = p.replace("[^\\pL\\pN_]", "[^[:alnum:]_]")
    p = p.replace("\\pL", "[[:alpha:]]").replace("\\pN", "[[:digit:]]")
    p = re.sub(r"(\{\d*,?\d*\}|[*+?])\?", r"\1", p)
    p = p.replace("\\d", "[[:digit:]]")
    print(p)
