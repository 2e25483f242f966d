"""`--device auto|cpu|cuda` and `--http-port`: settings from flags and the environment, and how
a device name resolves on this machine."""

from __future__ import annotations

import pytest

from quoteattr_server.__main__ import build_arg_parser
from quoteattr_server.nlp.pipeline import ModelLoadError, resolve_device
from quoteattr_server.settings import Settings


def test_devices_resolve_to_what_torch_sees() -> None:
    import torch

    assert resolve_device("cpu") == "cpu"
    gpu = torch.cuda.is_available()
    assert resolve_device("auto") == ("cuda" if gpu else "cpu")
    if not gpu:
        with pytest.raises(ModelLoadError, match="no GPU"):
            resolve_device("cuda")
    with pytest.raises(ValueError, match="device must be one of"):
        resolve_device("tpu")


def test_device_and_http_port_from_the_environment_and_flags() -> None:
    settings = Settings.from_env({"QUOTEATTR_HTTP_PORT": "8080", "QUOTEATTR_DEVICE": "cpu"})
    assert (settings.http_port, settings.device) == (8080, "cpu")
    assert (Settings().http_port, Settings().device) == (None, "auto")

    args = build_arg_parser().parse_args(["--http-port", "0", "--device", "cuda"])
    flagged = settings.replace(**vars(args))
    assert (flagged.http_port, flagged.device) == (0, "cuda")


def test_bad_values_are_refused() -> None:
    with pytest.raises(ValueError, match="device must be one of"):
        Settings.from_env({"QUOTEATTR_DEVICE": "gpu"})
    with pytest.raises(ValueError, match="http_port"):
        Settings(http_port=70_000)
    with pytest.raises(SystemExit):
        build_arg_parser().parse_args(["--device", "tpu"])
