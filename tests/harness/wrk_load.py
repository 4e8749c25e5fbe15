"""wrk (a load generator in C) replaying pre-signed notifications: for the relay's ingest benchmark.

Each request is signed up front and written into a Lua script wrk sends in order, each once, so
the sender spends no CPU on signing and is not what limits the rate. One wrk (one thread) per
server process, each with its own notifications, all started together.
"""

import json
import re
import shutil
import subprocess
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

LUA_SCRIPT = """
list = {}
for line in io.lines(%(data)s) do
  local fields = {}
  for field in string.gmatch(line, "[^\t]+") do fields[#fields + 1] = field end
  local headers = {}
  for k = 1, #fields - 1, 2 do headers[fields[k]] = fields[k + 1] end
  list[#list + 1] = {headers, fields[#fields]}
end
local i = 0
request = function()
  i = i %% #list + 1
  return wrk.format("POST", %(route)s, list[i][1], list[i][2])
end
"""
"""The requests are read from a data file, one a line (header names and values, then the body,
tab-separated). Past the end of the list it starts again: the caller checks it sent no more than
the list holds."""


@dataclass(frozen=True)
class WrkResult:
    requests: int
    seconds: float
    not_2xx: int
    socket_errors: int
    p50_ms: float
    p99_ms: float

    @property
    def ok(self) -> int:
        return self.requests - self.not_2xx

    @property
    def rate(self) -> float:
        return self.ok / self.seconds if self.seconds else 0.0


def write_script(
    path: Path, route: str, requests: Iterable[tuple[Mapping[str, str], bytes]]
) -> int:
    """A wrk script (``path``, its data beside it) sending ``requests`` in order; how many."""
    data = path.with_suffix(".tsv")
    count = 0
    with data.open("w", encoding="utf-8") as out:
        for headers, body in requests:
            fields = [*(item for pair in headers.items() for item in pair), body.decode()]
            if any("\t" in field or "\n" in field or not field for field in fields):
                raise ValueError("a request field is empty or holds a tab or a newline")
            out.write("\t".join(fields) + "\n")
            count += 1
    path.write_text(LUA_SCRIPT % {"data": json.dumps(str(data)), "route": json.dumps(route)})
    return count


def available() -> bool:
    return shutil.which("wrk") is not None


def start(url: str, script: Path, *, connections: int, seconds: float) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            "wrk",
            "-t1",
            f"-c{connections}",
            f"-d{seconds:g}s",
            "--latency",
            "--timeout",
            "10s",
            "-s",
            str(script),
            url,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _milliseconds(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", value).groups()  # type: ignore[union-attr]
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def result(process: subprocess.Popen[str]) -> WrkResult:
    """Wait for a wrk started by :func:`start` and read its summary."""
    out, _ = process.communicate(timeout=120)
    total = re.search(r"(\d+) requests in ([\d.]+)(m?s)", out)
    if process.returncode != 0 or total is None:
        raise RuntimeError(f"wrk failed: {out}")
    seconds = float(total.group(2)) / (1000 if total.group(3) == "ms" else 1)
    not_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    p50 = re.search(r"^\s+50%\s+(\S+)$", out, re.MULTILINE)
    p99 = re.search(r"^\s+99%\s+(\S+)$", out, re.MULTILINE)
    return WrkResult(
        requests=int(total.group(1)),
        seconds=seconds,
        not_2xx=int(not_2xx.group(1)) if not_2xx else 0,
        socket_errors=sum(int(n) for n in errors.groups()) if errors else 0,
        p50_ms=_milliseconds(p50.group(1)) if p50 else 0.0,
        p99_ms=_milliseconds(p99.group(1)) if p99 else 0.0,
    )
