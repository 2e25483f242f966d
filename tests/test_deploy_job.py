"""deploy/jobs/archive-batch.yaml: the archive Job's arguments are what `quoteattr batch`
accepts, it targets the headless Service of deploy/ on the gRPC port, runs the image the
Deployment runs, and keeps its inputs and results (the resume journal) on a shared volume."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from quoteattr_client.cli import build_arg_parser

DEPLOY = Path(__file__).resolve().parent.parent / "deploy"


def _objects(path: Path) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = {}
    for item in yaml.safe_load_all(path.read_text(encoding="utf-8")):
        if item is not None:
            found.setdefault(item["kind"], []).append(item)
    return found


def _expand(argument: str, variables: dict[str, str]) -> str:
    for name, value in variables.items():
        argument = argument.replace(f"$({name})", value)
    return argument


def test_the_job_runs_quoteattr_batch_against_the_headless_service() -> None:
    job_objects = _objects(DEPLOY / "jobs" / "archive-batch.yaml")
    [job] = job_objects["Job"]
    [claim] = job_objects["PersistentVolumeClaim"]
    [deployment] = _objects(DEPLOY / "deployment.yaml")["Deployment"]
    services = _objects(DEPLOY / "service.yaml")["Service"]
    [headless] = [s for s in services if s["spec"].get("clusterIP") == "None"]
    pod = job["spec"]["template"]["spec"]
    [container] = pod["containers"]

    assert container["command"] == ["quoteattr"]
    assert container["image"] == deployment["spec"]["template"]["spec"]["containers"][0]["image"]
    env = {item["name"]: item for item in container["env"]}
    assert env["POD_NAMESPACE"]["valueFrom"]["fieldRef"]["fieldPath"] == "metadata.namespace"
    variables = {"JOB_COMPLETION_INDEX": "2", "POD_NAMESPACE": "news"}
    args = build_arg_parser().parse_args([_expand(a, variables) for a in container["args"]])

    assert args.command == "batch"
    assert args.inputs == ["/archive/in/part-2.jsonl"]
    assert str(args.out) == "/archive/out/part-2.jsonl"
    grpc_port = next(p["port"] for p in headless["spec"]["ports"] if p["name"] == "grpc")
    name = headless["metadata"]["name"]
    assert args.target == f"dns:///{name}.news.svc.cluster.local:{grpc_port}"
    assert job["spec"]["completionMode"] == "Indexed"
    assert job["spec"]["completions"] >= job["spec"]["parallelism"] >= 1
    [mount] = container["volumeMounts"]
    [volume] = pod["volumes"]
    assert mount["name"] == volume["name"]
    assert str(args.out).startswith(mount["mountPath"] + "/")
    assert volume["persistentVolumeClaim"]["claimName"] == claim["metadata"]["name"]
    assert claim["spec"]["accessModes"] == ["ReadWriteMany"]


def test_the_job_is_not_applied_with_the_service() -> None:
    [kustomization] = _objects(DEPLOY / "kustomization.yaml")["Kustomization"]
    assert not any("jobs" in resource for resource in kustomization["resources"])
