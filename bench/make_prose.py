#!/usr/bin/env python3
"""Writes about SIZE megabytes (default 8) of plain English prose without any notice to stdout:
sentences put together from everyday subjects, verbs and objects, so every line is new text and
nothing in it is about recording, AI or consent. It measures what a line costs when none of the
pack's words is in it. Deterministic (fixed seed)."""
import random
import sys

size = float(sys.argv[1]) if len(sys.argv) > 1 else 8.0
rng = random.Random(20261204)
subjects = ["The old bridge", "Our neighbour", "A small boat", "The garden", "My sister", "The river",
            "Every autumn the village", "The baker on the corner", "A tired traveller", "The library",
            "The children", "Her grandfather", "The morning train", "A quiet street", "The orchestra"]
verbs = ["looked at", "walked past", "painted", "carried", "remembered", "followed", "opened",
         "cleaned", "planted", "visited", "described", "repaired", "found", "counted", "admired"]
objects = ["the yellow fields", "a basket of apples", "the harbour lights", "an empty chair",
           "the long road home", "a pile of letters", "the winter coats", "a blue umbrella",
           "the market square", "the broken fence", "a box of old photographs", "the evening sky",
           "the stone wall", "a cup of tea", "the narrow stairs"]
tails = ["before lunch", "after the rain", "with great care", "for the first time", "in the afternoon",
         "without a word", "near the station", "at the end of the day", "once again", "slowly"]
out = sys.stdout
written, target = 0, int(size * 1024 * 1024)
while written < target:
    sentences = [f"{rng.choice(subjects)} {rng.choice(verbs)} {rng.choice(objects)} {rng.choice(tails)}."
                 for _ in range(rng.randint(3, 8))]
    para = " ".join(sentences) + "\n\n"
    out.write(para)
    written += len(para.encode())
