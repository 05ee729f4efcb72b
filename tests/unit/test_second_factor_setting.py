"""NURSE_SECOND_FACTOR_REQUIRED (security finding 2): on unless the app runs in development, where the demo
nurse signs in with her password alone; the test configuration has it off, and its tests turn it on."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from webapp.config import TestConfig


@pytest.mark.parametrize(("app_env", "required"), [("production", "True"), ("development", "False"), ("", "True")])
def test_nurses_need_a_second_factor_everywhere_but_development(app_env, required):
    env = {k: v for k, v in os.environ.items() if k not in ("APP_ENV", "NURSE_SECOND_FACTOR_REQUIRED")}
    if app_env:
        env["APP_ENV"] = app_env
    result = subprocess.run([sys.executable, "-c", "from webapp.config import Config; "
                             "print(Config.NURSE_SECOND_FACTOR_REQUIRED)"],
                            env=env, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == required


def test_the_test_configuration_leaves_it_off():
    assert TestConfig.NURSE_SECOND_FACTOR_REQUIRED is False
