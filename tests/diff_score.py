#!/usr/bin/env python3
"""Scores `consentlens diff` against hand-labelled version pairs.

A labels file (changes.jsonl) holds, per pair of versions, one line per meaningful change
({"old", "new", "section", "change", "old_stance", "new_stance", "old_quote", "new_quote",
"summary"}) and one noise line ({"old", "new", "noise_count", ...}). The format is the one of
../shared/reference/terms-versions/ (its README describes it); tests/diff/ uses it too.

For every pair the scorer runs `consentlens diff --json OLD NEW` and matches reported changes to
labels by their quotes: a reported change is about a label when the label's quote (either side)
lies, word for word, inside the text the change quotes on that side, or the change's quote lies
inside the label's, or the two share a run of 6 words. Labels and changes are then paired one to one, a pair of the same kind first.

Printed: recall (labels found), precision (reported changes that are about some label), kind
(paired labels whose kind is right), stances (paired labels whose old and new stances are both
right), noise listed (reported changes about no label, per noise edit of the labels).

Usage: diff_score.py [--strict] [--verbose] CONSENTLENS DIR [DIR...]
  --strict: exit 1 below the targets (recall, precision 0.90; kind, stances 0.85; noise 5%).
"""
import json
import os
import re
import subprocess
import sys
import unicodedata

TARGETS = {"recall": 0.90, "precision": 0.90, "kind": 0.85, "stances": 0.85}
NOISE_TARGET = 0.05


CJK = "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af"


def words(text):
    """Lower-case words, without Markdown marks, link targets or punctuation; each Chinese or
    Japanese character, and each Korean syllable, counts as a word (those scripts do not space
    their words). Full-width forms are folded (NFKC), as the checker folds them."""
    if text is None:
        return []
    text = unicodedata.normalize("NFKC", re.sub(r"\]\([^)]*\)", "]", text))
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.findall(r"[" + CJK + r"]|[^\W_" + CJK + r"]+", text.lower())


def contains(outer, inner):
    """Whether the word list `inner` occurs in `outer` as a run (at least 3 words, or all of it)."""
    if not inner or not outer:
        return False
    n = len(inner)
    if n > len(outer):
        return False
    for i in range(len(outer) - n + 1):
        if outer[i:i + n] == inner:
            return True
    return False


def shared_run(a, b):
    """The longest run of words found in both lists."""
    best = 0
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0] * (len(b) + 1)
        for k, y in enumerate(b):
            if x == y:
                cur[k + 1] = prev[k] + 1
                best = max(best, cur[k + 1])
        prev = cur
    return best


RUN = 6  # words in a row that both quotes hold: the same place in the text


def about(change, label):
    for side in ("old", "new"):
        quote = words(label[side + "_quote"])
        said = change.get(side)
        if not quote or not said:
            continue
        text = words(said["text"])
        if contains(text, quote) or (len(text) >= 3 and contains(quote, text)) or shared_run(text, quote) >= RUN:
            return True
    return False


def load(path):
    pairs = {}
    order = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            row = json.loads(line)
            key = (row["old"], row["new"])
            if key not in pairs:
                pairs[key] = {"labels": [], "noise": 0}
                order.append(key)
            if "change" in row:
                pairs[key]["labels"].append(row)
            else:
                pairs[key]["noise"] = row["noise_count"]
    return [(k, pairs[k]) for k in order]


def run_diff(binary, folder, old, new):
    out = subprocess.run([binary, "diff", "--json", os.path.join(folder, old), os.path.join(folder, new)],
                         capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"consentlens diff {old} {new}: exit {out.returncode}: {out.stderr}")
    return json.loads(out.stdout)["changes"]


def pair_up(changes, labels):
    """One to one: label index -> change index, same kind first."""
    taken = set()
    found = {}
    for same_kind in (True, False):
        for li, label in enumerate(labels):
            if li in found:
                continue
            for ci, change in enumerate(changes):
                if ci in taken or not about(change, label):
                    continue
                if same_kind and change["change"] != label["change"]:
                    continue
                found[li] = ci
                taken.add(ci)
                break
    # A label may also be found by a change already paired (one sentence, several labels).
    for li, label in enumerate(labels):
        if li in found:
            continue
        for ci, change in enumerate(changes):
            if about(change, label) and change["change"] == label["change"]:
                found[li] = ci
                break
    return found


def main(argv):
    strict = "--strict" in argv
    verbose = "--verbose" in argv
    args = [a for a in argv if not a.startswith("--")]
    if len(args) < 2:
        print(__doc__)
        return 2
    binary, folders = args[0], args[1:]
    labels_n = found_n = kind_ok = stance_ok = reported = relevant = noise_edits = noise_listed = 0
    for folder in folders:
        for (old, new), pair in load(os.path.join(folder, "changes.jsonl")):
            changes = run_diff(binary, folder, old, new)
            labels = pair["labels"]
            found = pair_up(changes, labels)
            about_some = [any(about(c, l) for l in labels) for c in changes]
            labels_n += len(labels)
            found_n += len(found)
            reported += len(changes)
            relevant += sum(about_some)
            noise_edits += pair["noise"]
            noise_listed += about_some.count(False)
            for li, ci in found.items():
                l, c = labels[li], changes[ci]
                kind_ok += c["change"] == l["change"]
                stance_ok += c["old_stance"] == l["old_stance"] and c["new_stance"] == l["new_stance"]
            print(f"{old} -> {new}: {len(found)}/{len(labels)} found, {len(changes)} reported, "
                  f"{about_some.count(False)} about no label")
            if verbose:
                for li, l in enumerate(labels):
                    if li not in found:
                        print(f"   MISSED {l['change']} {l['old_stance']}->{l['new_stance']} [{l['section']}] "
                              f"{l['old_quote']!r} / {l['new_quote']!r}")
                    else:
                        c = changes[found[li]]
                        if c["change"] != l["change"] or c["old_stance"] != l["old_stance"] or c["new_stance"] != l["new_stance"]:
                            print(f"   WRONG {c['change']} {c['old_stance']}->{c['new_stance']} for {l['change']} "
                                  f"{l['old_stance']}->{l['new_stance']} [{l['section']}] {l['old_quote']!r} / {l['new_quote']!r}")
                for c, ok in zip(changes, about_some):
                    if not ok:
                        side = c["new"] or c["old"]
                        print(f"   EXTRA {c['change']} {c['old_stance']}->{c['new_stance']} [{c['section']}] {side['text'][:160]!r}")
    score = {
        "recall": found_n / labels_n if labels_n else 1.0,
        "precision": relevant / reported if reported else 1.0,
        "kind": kind_ok / found_n if found_n else 1.0,
        "stances": stance_ok / found_n if found_n else 1.0,
    }
    noise = noise_listed / noise_edits if noise_edits else (0.0 if noise_listed == 0 else 1.0)
    print(f"labels {labels_n}, found {found_n}, reported {reported}, about a label {relevant}")
    print("recall {recall:.2f}  precision {precision:.2f}  kind {kind:.2f}  stances {stances:.2f}".format(**score)
          + f"  noise listed {noise_listed}/{noise_edits} = {noise:.1%}")
    below = [k for k, bar in TARGETS.items() if score[k] < bar] + (["noise"] if noise > NOISE_TARGET else [])
    if below:
        print("below target: " + ", ".join(below))
    return 1 if strict and below else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
