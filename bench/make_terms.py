#!/usr/bin/env python3
"""Writes a terms-like document of about SIZE megabytes (default 8) to stdout: paragraphs of
legal filler with, now and then, a clause about AI training, licences or service data, so the
checker has both long stretches of nothing and real work. Deterministic (fixed seed)."""
import random
import sys

size = float(sys.argv[1]) if len(sys.argv) > 1 else 8.0
rng = random.Random(20231107)
filler = [
    "The Services are provided on an as is and as available basis without warranties of any kind.",
    "You are responsible for maintaining the confidentiality of your account credentials.",
    "We may update these Terms from time to time, and the updated Terms will apply from the date shown.",
    "Any dispute arising out of these Terms shall be governed by the laws of the State of California.",
    "Fees are billed in advance on a monthly or annual basis and are non-refundable except as required by law.",
    "You must be at least sixteen years old to use the Services in your country of residence.",
    "Notices to us must be sent in writing to the address listed on our website.",
    "If any provision of these Terms is held invalid, the remaining provisions remain in full force and effect.",
]
clauses = [
    "We may use Customer Content to train and improve our machine learning models.",
    "We will not use audio, video or chat content to train our artificial intelligence models without your consent.",
    "You grant us a perpetual, worldwide, royalty-free, sublicensable and transferable licence to use your content.",
    "Service Generated Data may be used for any purpose, including machine learning and artificial intelligence.",
    "Our vendors (LLM, ASR) agree not to trade, train, or store your data.",
    "By clicking Join, you agree to our Terms of Service and Privacy Statement.",
]
out = sys.stdout
written = 0
target = int(size * 1024 * 1024)
n = 0
while written < target:
    n += 1
    sentences = [rng.choice(filler) for _ in range(rng.randint(3, 7))]
    if n % 25 == 0:
        sentences.insert(rng.randint(0, len(sentences)), rng.choice(clauses))
    para = f"{n}. " + " ".join(sentences) + "\n\n"
    out.write(para)
    written += len(para.encode())
