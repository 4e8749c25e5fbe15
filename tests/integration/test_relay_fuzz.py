"""Fuzzing every relay route on loopback: no input makes the relay answer 5xx, every 4xx says why.

Hypothesis draws the family of cases and a seeded random source;
:mod:`tests.harness.relay_fuzz_cases` builds hostile requests from it (validly signed provider
bodies among them, so the hostile content reaches the parsers and the database) and judges each
answer of the real relay. ``benchmarks/relay_fuzz.py`` runs the same cases by the hundred thousand.
"""

import random
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.routing import Route

from pos_app.demo.embedded_relay import EmbeddedRelay, start_relay
from tests.harness import relay_fuzz_cases
from tests.harness.relay_process import relay_config

EXAMPLES = 80
CASES_PER_EXAMPLE = 25
"""80 × 25: 2,000 cases in each run of the suite (the issue asks for 1,000 at least)."""
WAIT_LIMIT = 0.2
"""The relay's ``limits.max_wait_seconds``: a long-poll asking for longer (``wait=61``, ``1e5``)
waits this long, not a minute, so the cases' long-polls do not hold up the run."""


@pytest.fixture(scope="module")
def relay(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedRelay]:
    db = tmp_path_factory.mktemp("relay-fuzz") / "relay.db"
    config = relay_config(db, client_timeout_seconds=2, max_wait_seconds=WAIT_LIMIT)
    with start_relay(config) as running:
        yield running


@pytest.fixture(scope="module")
def target(relay: EmbeddedRelay) -> relay_fuzz_cases.Target:
    return relay_fuzz_cases.Target(
        "127.0.0.1", relay.port, relay_fuzz_cases.terminals(relay.add_terminal)
    )


@pytest.fixture(scope="module")
def tally() -> Iterator[list[int]]:
    sent: list[int] = []
    yield sent
    assert sum(sent) >= 1_000  # the issue asks for at least 1,000 cases in every run


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    family=st.sampled_from(sorted(relay_fuzz_cases.FAMILIES)), rng=st.randoms(use_true_random=False)
)
def test_no_request_makes_the_relay_answer_5xx_and_every_4xx_says_why(
    target: relay_fuzz_cases.Target, tally: list[int], family: str, rng: random.Random
) -> None:
    work = [relay_fuzz_cases.FAMILIES[family](rng, target) for _ in range(CASES_PER_EXAMPLE)]

    result = relay_fuzz_cases.run(target, work, connections=4, seconds=60)

    tally.append(result.done)
    assert result.done == len(work)
    assert result.problems == [], [
        (case.method, case.path, case.request[:300], why) for case, why in result.problems[:3]
    ]


def test_the_cases_reach_every_route_of_the_relay(
    relay: EmbeddedRelay, target: relay_fuzz_cases.Target
) -> None:
    sent = [
        (case.method, case.path.partition("?")[0])
        for case in relay_fuzz_cases.cases(random.Random(7), target, 1_000)
    ]
    routes = [route for route in relay.app.asgi.routes if isinstance(route, Route)]

    missed = [
        (route.path, method)
        for route in routes
        for method in route.methods or ()
        if method != "HEAD"
        and not any(m == method and route.path_regex.match(path) for m, path in sent)
    ]

    assert len(routes) >= 7 and missed == []
