"""`sayso fuzz`: the count of cases run, peak RSS, and a partial report when interrupted."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from sayso.cli import cli


@pytest.mark.issue(18)
def test_fuzz_reports_cases_and_peak_rss(nlp):
    result = CliRunner().invoke(cli, ["fuzz", "--cases", "6", "--seed", "2"])
    assert result.exit_code == 0, result.output
    assert re.search(r"fuzz: 6 cases in \d+ s, \d+ refused, 0 failures, peak RSS \d+ MB", result.output)


@pytest.mark.issue(18)
@pytest.mark.slow
def test_interrupted_fuzz_reports_the_cases_run():
    process = subprocess.Popen([sys.executable, "-m", "sayso", "fuzz", "--cases", "100000"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout.readline() == "fuzzing 100,000 cases; Ctrl-C stops and reports\n"
    time.sleep(2)  # a few cases run, whatever the machine's load
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=10)
    assert process.returncode == 130, err
    assert re.fullmatch(r"sayso: fuzz interrupted after \d+ cases in \d+ s, \d+ refused, 0 failures in the completed rounds, "
                        r"peak RSS \d+ MB\n", err), err
