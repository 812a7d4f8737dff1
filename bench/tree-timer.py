#!/usr/bin/env python3
# Times a command as a whole process tree, from outside: from the spawn of the command to the exit of its last
# descendant, detached ones included (this process becomes their subreaper, so a helper left running after the
# main process exits is still waited for and counted). Samples the summed resident memory of the tree meanwhile.
#
# python3 bench/tree-timer.py RESULT_JSON -- COMMAND [ARG...]
# Writes {"wallMs", "cpuMs", "peakRssKiB", "status", "stdoutTail", "stderrTail"} to RESULT_JSON; exits 0 unless it
# fails itself. cpuMs: user + system time of the whole tree (every descendant is reaped here, so all of it counts).
import ctypes
import json
import os
import resource
import subprocess
import sys
import threading
import time

PR_SET_CHILD_SUBREAPER = 36


def descendants(root):
    out = []
    stack = [root]
    while stack:
        pid = stack.pop()
        try:
            for task in os.listdir(f'/proc/{pid}/task'):
                with open(f'/proc/{pid}/task/{task}/children') as f:
                    for c in f.read().split():
                        out.append(int(c))
                        stack.append(int(c))
        except OSError:
            pass
    return out


def rss_kib(pid):
    try:
        with open(f'/proc/{pid}/statm') as f:
            return int(f.read().split()[1]) * (os.sysconf('SC_PAGE_SIZE') // 1024)
    except (OSError, IndexError, ValueError):
        return 0


def main():
    result_path = sys.argv[1]
    assert sys.argv[2] == '--'
    cmd = sys.argv[3:]
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), 'prctl(PR_SET_CHILD_SUBREAPER)')
    me = os.getpid()
    peak = [0]
    done = threading.Event()

    def sample():
        while not done.is_set():
            total = sum(rss_kib(p) for p in descendants(me))
            if total > peak[0]:
                peak[0] = total
            done.wait(0.01)

    out_path = result_path + '.stdout'
    err_path = result_path + '.stderr'
    with open(out_path, 'wb') as out, open(err_path, 'wb') as err:
        sampler = threading.Thread(target=sample, daemon=True)
        t0 = time.perf_counter()
        child = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        sampler.start()
        status = None
        while True:
            try:
                pid, st = os.wait()
            except ChildProcessError:
                break
            if pid == child.pid:
                status = os.waitstatus_to_exitcode(st)
                child.returncode = status
        wall = (time.perf_counter() - t0) * 1000
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        done.set()
        sampler.join()

    def tail(p):
        with open(p, 'rb') as f:
            data = f.read()
        os.unlink(p)
        return data[-3000:].decode('utf-8', 'replace')

    with open(result_path, 'w') as f:
        json.dump(
            {
                'wallMs': wall,
                'cpuMs': (usage.ru_utime + usage.ru_stime) * 1000,
                'peakRssKiB': peak[0],
                'status': status,
                'stdoutTail': tail(out_path),
                'stderrTail': tail(err_path),
            },
            f,
        )


main()
