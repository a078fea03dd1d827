#!/usr/bin/env python3
"""Writes two versions of a terms-like document of about SIZE kilobytes each (default 100) into
DIR as old.md and new.md: numbered sections of legal filler with clauses about AI training,
licences and service data. The new version renumbers every section, moves one section to the
end, rewords some filler, splits a paragraph, and changes a few clauses (a negation added, a
licence word dropped, a hedge), so `consentlens diff` has both alignment work and real changes.
Deterministic (fixed seed). Usage: make_diff_pair.py DIR [SIZE_KB]"""
import os
import random
import sys

folder = sys.argv[1]
size = int(float(sys.argv[2]) * 1024) if len(sys.argv) > 2 else 100 * 1024
rng = random.Random(20240601)
subjects = ["The Services", "Your account", "Each Order Form", "The Software", "Any notice", "Support"]
verbs = ["is provided", "will be handled", "may be changed", "is governed", "shall remain", "is billed"]
tails = ["as described on our website.", "under the laws of the State of California.",
         "in accordance with this Agreement and any applicable Order Form.", "at the rates then in effect.",
         "for as long as your subscription remains active.", "unless stated otherwise in writing."]
clauses = [
    ("We may use Customer Content to train our artificial intelligence models.",
     "We do not use Customer Content to train our artificial intelligence models."),
    ("You grant us a perpetual, irrevocable, worldwide, royalty-free license to use your content.",
     "You grant us a worldwide, royalty-free license to use your content."),
    ("We use your prompts to develop, provide and improve our AI features.",
     "We process your prompts solely to provide our AI features."),
]


def filler(n):
    return " ".join(f"{rng.choice(subjects)} {rng.choice(verbs)} {rng.choice(tails)}" for _ in range(n))


sections = []
total = 0
k = 0
while total < size:
    title = f"Section Title {k}"
    paragraphs = [filler(rng.randint(3, 7)) for _ in range(rng.randint(1, 3))]
    if k % 25 == 5:
        paragraphs.append(clauses[(k // 25) % len(clauses)][0])
    sections.append((title, paragraphs))
    total += sum(len(p) for p in paragraphs) + len(title)
    k += 1


def write(path, secs, new):
    with open(path, "w", encoding="utf-8") as f:
        f.write("# Example Terms of Service\n\n")
        for n, (title, paragraphs) in enumerate(secs, start=2 if new else 1):
            f.write(f"## {n}. {title}\n\n")
            for p in paragraphs:
                f.write(p + "\n\n")


new_sections = []
for idx, (title, paragraphs) in enumerate(sections):
    ps = []
    for p in paragraphs:
        for old, new in clauses:
            p = p.replace(old, new)
        if idx % 7 == 3:
            p = p.replace("is provided", "is supplied")  # wording only
        if idx % 11 == 4 and ". " in p:  # a paragraph split in two
            a, b = p.split(". ", 1)
            ps.extend([a + ".", b])
            continue
        ps.append(p)
    new_sections.append((title, ps))
new_sections.append(new_sections.pop(len(new_sections) // 3))  # a section moved to the end
os.makedirs(folder, exist_ok=True)
write(os.path.join(folder, "old.md"), sections, False)
write(os.path.join(folder, "new.md"), new_sections, True)
