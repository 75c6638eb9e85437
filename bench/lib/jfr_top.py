#!/usr/bin/env python3
"""Where the time goes in a JFR recording: top frames from execution samples.

Usage: jfr_top.py RECORDING.jfr [TOP]

Reads jdk.ExecutionSample (threads running Java code) and jdk.NativeMethodSample (threads in
native code: JNI such as SQLite, socket reads, fsync) through the JDK's `jfr print --json`, and
prints, per event type:
  - self: the top frame of each sample (where the CPU was),
  - inclusive: every method on the stack, counted once per sample,
  - first project frame: the topmost dev.retort frame of each sample, i.e. which Retort code
    caused the work, library time included.
"""
import collections
import json
import os
import shutil
import subprocess
import sys

PROJECT = "dev.retort."


def frames_of(event):
    stack = event["values"].get("stackTrace") or {}
    out = []
    for f in stack.get("frames", []):
        m = f.get("method") or {}
        t = (m.get("type") or {}).get("name", "?").replace("/", ".")
        out.append(f"{t}.{m.get('name', '?')}")
    return out, stack.get("truncated", False)


def main():
    if len(sys.argv) not in (2, 3):
        raise SystemExit(__doc__)
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) == 3 else 20
    jfr = shutil.which("jfr") or os.path.join(os.environ.get("JAVA_HOME", "/usr/lib/jvm/default-java"), "bin", "jfr")
    raw = subprocess.run([jfr, "print", "--json", "--stack-depth", "256", "--events", "jdk.ExecutionSample,jdk.NativeMethodSample", path],
                         check=True, capture_output=True, text=True).stdout
    events = json.loads(raw)["recording"]["events"]
    by_type = collections.defaultdict(list)
    for e in events:
        by_type[e["type"]].append(e)
    for etype in ("jdk.ExecutionSample", "jdk.NativeMethodSample"):
        evs = by_type.get(etype, [])
        if not evs:
            continue
        n = len(evs)
        self_c, incl_c, proj_c, thread_c = (collections.Counter() for _ in range(4))
        truncated = 0
        for e in evs:
            fr, trunc = frames_of(e)
            truncated += trunc
            thread = (e["values"].get("sampledThread") or {}).get("javaName") or "?"
            thread_c[thread] += 1
            if not fr:
                continue
            self_c[fr[0]] += 1
            for m in set(fr):
                incl_c[m] += 1
            first = next((m for m in fr if m.startswith(PROJECT)), "(no Retort frame)")
            proj_c[first] += 1
        print(f"== {etype}: {n} samples"
              + (f" ({truncated} stacks truncated)" if truncated else "")
              + "; threads: " + ", ".join(f"{t} {c}" for t, c in thread_c.most_common(4)))
        for title, counter in (("self (top frame)", self_c), ("first Retort frame", proj_c),
                               ("inclusive (anywhere on the stack)", incl_c)):
            print(f"-- {title}")
            for m, c in counter.most_common(top):
                print(f"  {100.0 * c / n:5.1f}%  {c:6d}  {m}")
        print()


if __name__ == "__main__":
    main()
