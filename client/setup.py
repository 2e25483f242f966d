"""Builds `quoteattr-client`: the gRPC stubs are generated from ../proto first (see
generate_stubs.py); everything else is declared in pyproject.toml."""

import sys
from pathlib import Path

from setuptools import setup

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_stubs import generate

generate()
setup()
