"""Times shell commands against each other in the same run: the harness of benches/corpus.sh,
benches/report.sh and benches/interop.sh.

    python3 benches/tools/alternate.py --runs N [--aim TEXT] NAME CMD [NAME CMD ...]

Each command runs once first (page cache, binary; also what a later command may go over),
then N rounds, the commands alternating within each round and the first of them rotating
from round to round, so that a drift of the machine's load falls on all of them alike. It
prints the median wall and CPU time of each (CPU: user + system of the command's
processes) and the ratio of each to the first command. Absolute times depend on the machine
and its load: compare the ratios. Exit code 1 of a command is accepted (claimls reports the
errors the generator plants); any other stops the run.
"""

import argparse
import resource
import statistics
import subprocess
import sys
import time


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(cmd):
    """(wall seconds, CPU seconds) of one run of the shell command `cmd`."""
    cpu = children_cpu()
    start = time.perf_counter()
    done = subprocess.run(["bash", "-c", cmd])
    wall = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit("command failed (%d): %s" % (done.returncode, cmd))
    return wall, children_cpu() - cpu


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="rounds timed (default 5)")
    parser.add_argument("--aim", default="", help="a line printed last: the aim of the bench")
    parser.add_argument("pairs", nargs="+", metavar="NAME CMD")
    args = parser.parse_args()
    if len(args.pairs) % 2:
        parser.error("commands come as NAME CMD pairs")
    names, cmds = args.pairs[0::2], args.pairs[1::2]

    for cmd in cmds:
        timed(cmd)
    walls = {name: [] for name in names}
    cpus = {name: [] for name in names}
    for round_no in range(args.runs):
        first = round_no % len(cmds)
        for i in list(range(first, len(cmds))) + list(range(first)):
            wall, cpu = timed(cmds[i])
            walls[names[i]].append(wall)
            cpus[names[i]].append(cpu)

    wall = {name: statistics.median(ts) for name, ts in walls.items()}
    cpu = {name: statistics.median(ts) for name, ts in cpus.items()}
    width = max(len(name) for name in names)
    print("  %-*s %14s %14s   wall of each run (ms)" % (width, "", "median wall", "median CPU"))
    for name in names:
        runs = " ".join("%.0f" % (t * 1e3) for t in walls[name])
        print("  %-*s %11.1f ms %11.1f ms   %s" % (width, name, wall[name] * 1e3, cpu[name] * 1e3, runs))
    base = names[0]
    for name in names[1:]:
        print("  ratio %s/%s: wall %.2f, CPU %.2f" % (
            name, base, wall[name] / max(wall[base], 1e-9), cpu[name] / max(cpu[base], 1e-9)))
    if args.aim:
        print("  aim: %s" % args.aim)


if __name__ == "__main__":
    main()
