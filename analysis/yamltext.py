"""YAML of the package's vocabularies and of the user's codebooks, parsed by libyaml when PyYAML has it."""

from __future__ import annotations

from typing import Any

import yaml

# libyaml's loader reads the same documents into the same data, ten times faster than the pure
# Python one (every worker process reads the vocabularies when it starts)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str) -> Any:
    """The data of one YAML document, as ``yaml.safe_load`` gives it; errors are ``yaml.YAMLError``."""
    return yaml.load(text, Loader=_LOADER)
