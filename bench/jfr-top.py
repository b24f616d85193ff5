#!/usr/bin/env python3
"""Top entries of a JFR recording's execution samples: methods by own samples (top frame), methods and packages by
inclusive samples (anywhere on the stack, counted once a sample). Usage: bench/jfr-top.py RECORDING.jfr [N] [THREAD]
(THREAD: only the samples of threads whose name starts with it, e.g. main or ddl-lint-file; shares are of those)
Reads `jfr print --json --events jdk.ExecutionSample` (the JDK's own jfr tool)."""
import collections, json, subprocess, sys

def main():
    path, n = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 15
    only = sys.argv[3] if len(sys.argv) > 3 else None
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "256", "--events", "jdk.ExecutionSample",
                          path], check=True, capture_output=True, text=True).stdout
    events = json.loads(out)["recording"]["events"]
    if only:
        events = [e for e in events if ((e["values"].get("sampledThread") or {}).get("javaName") or "").startswith(only)]
    own, incl, pkg, threads = collections.Counter(), collections.Counter(), collections.Counter(), collections.Counter()
    for e in events:
        v = e["values"]
        threads[(v.get("sampledThread") or {}).get("javaName") or "?"] += 1
        frames = [f["method"]["type"]["name"] + "." + f["method"]["name"] for f in (v.get("stackTrace") or {}).get("frames", [])]
        if not frames:
            continue
        own[frames[0]] += 1
        for m in set(frames):
            incl[m] += 1
        for p in {package(m) for m in frames}:
            pkg[p] += 1
    total = len(events)
    print(f"{total} execution samples")
    for title, c in (("own (top frame)", own), ("inclusive, methods", incl), ("inclusive, packages", pkg),
                     ("threads", threads)):
        print(f"\n{title}:")
        for name, k in c.most_common(n):
            print(f"{k:6d} {100.0 * k / total:5.1f} %  {name}")

def package(method):
    parts = method.replace("/", ".").split(".")[:-2]  # drop class and method
    return ".".join(parts[:4]) if parts else "?"

if __name__ == "__main__":
    main()
