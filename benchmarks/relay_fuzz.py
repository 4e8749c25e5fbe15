"""Relay fuzz: 100,000 hostile requests over every route of a real relay, and how it answered
(issue 10 §5).

The relay runs as the operator runs it (``python -m pos_app relay serve``, its own process, on
loopback); the cases come from :mod:`tests.harness.relay_fuzz_cases`, the generator of the
fuzz test, seeded.
Prints the count of 5xx answers (must be 0), the cases per second, the answers by status code,
and every other broken rule (a 4xx without a JSON reason, no answer at all). Bounded in time: it
stops after ``--seconds`` whatever the count. Exit status 1 when a rule was broken.

    PYTHONPATH=. python benchmarks/relay_fuzz.py [--cases 100000] [--seconds 600]
        [--connections 8] [--seed 1]
"""

import argparse
import contextlib
import random
import sys
import tempfile
from pathlib import Path

from pos_app.relay import auth, schema
from tests.harness import relay_fuzz_cases
from tests.harness.relay_process import RelayProcess

WAIT_LIMIT = 0.2
"""The relay's ``limits.max_wait_seconds``: the cases' long-polls that ask for a minute or more
(``wait=61``, ``1e5``) are cut to it, not held past the generator's answer timeout."""


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--seconds", type=float, default=600.0, help="stop after this long")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="relay-fuzz-") as tmp:
        relay = RelayProcess(Path(tmp), max_wait_seconds=WAIT_LIMIT)
        with contextlib.closing(schema.connect(relay.db)) as conn:
            tokens = relay_fuzz_cases.terminals(lambda name: auth.create_terminal(conn, name)[1])
        relay.start()
        try:
            target = relay_fuzz_cases.Target("127.0.0.1", relay.port, tokens)
            work = relay_fuzz_cases.cases(random.Random(args.seed), target, args.cases)
            result = relay_fuzz_cases.run(
                target, work, connections=args.connections, seconds=args.seconds
            )
        finally:
            relay.stop()

    print(
        f"{result.done:,} cases over {args.connections} connections in {result.seconds:.1f} s: "
        f"{result.done / result.seconds:,.0f} cases/s (seed {args.seed})"
    )
    print(f"5xx answers: {result.server_errors} (must be 0)")
    breakdown = sorted(result.statuses.items(), key=lambda item: (item[0] is None, item[0] or 0))
    print(
        "answers by status: "
        + ", ".join(f"{status or 'none'}: {count:,}" for status, count in breakdown)
    )
    print(f"broken rules (5xx, 4xx without a JSON reason, no answer): {len(result.problems)}")
    for case, why in result.problems[:10]:
        print(f"  {case.family} {case.method} {case.path[:80]}: {why[:200]}")
    if result.done < args.cases:
        print(f"stopped after {args.seconds:g} s, {args.cases - result.done:,} cases unsent")
    return 1 if result.problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
