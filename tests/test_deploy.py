"""deploy/: the Kubernetes manifests parse, and what they tell the server matches the server.

The container's arguments must be flags `quoteattr-server` accepts, the probes must ask the
health service for the names the server reports, and the scrape annotations must name the
metrics port the arguments open.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from quoteattr_server.__main__ import SHUTDOWN_MARGIN, build_arg_parser
from quoteattr_server.settings import Settings
from quoteattr_server.transport.server import SERVICE_NAME

DEPLOY = Path(__file__).resolve().parent.parent / "deploy"


def manifests() -> dict[str, list[dict[str, Any]]]:
    """Every object of every manifest, by kind."""
    found: dict[str, list[dict[str, Any]]] = {}
    for path in sorted(DEPLOY.glob("*.yaml")):
        for item in yaml.safe_load_all(path.read_text(encoding="utf-8")):
            if item is not None:
                found.setdefault(item["kind"], []).append(item)
    return found


@pytest.fixture(scope="module")
def objects() -> dict[str, list[dict[str, Any]]]:
    return manifests()


@pytest.fixture(scope="module")
def pod(objects: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    [deployment] = objects["Deployment"]
    template: dict[str, Any] = deployment["spec"]["template"]
    return template


def test_the_manifests_hold_what_the_readme_promises(
    objects: dict[str, list[dict[str, Any]]],
) -> None:
    assert {kind: len(items) for kind, items in objects.items()} == {
        "Deployment": 1,
        "Service": 2,
        "HorizontalPodAutoscaler": 1,
        "PodDisruptionBudget": 1,
        "Kustomization": 1,
    }
    [kustomization] = objects["Kustomization"]
    assert sorted(kustomization["resources"]) == sorted(
        p.name for p in DEPLOY.glob("*.yaml") if p.name != "kustomization.yaml"
    )


def test_the_container_arguments_are_server_flags(pod: dict[str, Any]) -> None:
    [container] = pod["spec"]["containers"]
    args = build_arg_parser().parse_args(container["args"])

    settings = Settings().replace(**vars(args))

    assert settings.workers == int(float(container["resources"]["limits"]["cpu"]))
    assert settings.metrics_port == int(pod["metadata"]["annotations"]["prometheus.io/port"])
    assert pod["metadata"]["annotations"]["prometheus.io/scrape"] == "true"
    # The kubelet waits for the preStop pause, then the grace, then the server's own margin,
    # before it kills: the README promises a few seconds more than that.
    [pause] = [int(word) for word in container["lifecycle"]["preStop"]["exec"]["command"][1:]]
    needed = pause + settings.grace_seconds + SHUTDOWN_MARGIN
    assert needed + 3 <= pod["spec"]["terminationGracePeriodSeconds"]


def test_probes_ask_the_grpc_health_service(pod: dict[str, Any]) -> None:
    [container] = pod["spec"]["containers"]
    ports = {port["name"]: port["containerPort"] for port in container["ports"]}

    for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
        assert container[probe]["grpc"]["port"] == ports["grpc"] == Settings().port
    assert container["readinessProbe"]["grpc"]["service"] == SERVICE_NAME
    assert container["startupProbe"]["grpc"]["service"] == SERVICE_NAME


def test_services_and_autoscaler_point_at_the_pods(
    objects: dict[str, list[dict[str, Any]]], pod: dict[str, Any]
) -> None:
    labels = pod["metadata"]["labels"]
    for service in objects["Service"]:
        assert service["spec"]["selector"].items() <= labels.items()
    assert any(s["spec"].get("clusterIP") == "None" for s in objects["Service"])
    [deployment] = objects["Deployment"]
    [hpa] = objects["HorizontalPodAutoscaler"]
    assert hpa["spec"]["scaleTargetRef"]["name"] == deployment["metadata"]["name"]
    assert hpa["spec"]["minReplicas"] >= 2
