"""``compose.yaml``: no Docker engine here, so check that it wires what the README promises."""
from __future__ import annotations

from pathlib import Path

import yaml

from service.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent


def test_compose_has_api_worker_postgres_and_rabbitmq_sharing_one_store_and_broker():
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
    services = compose["services"]
    assert set(services) == {"api", "worker", "beat", "postgres", "rabbitmq"}
    api, worker, beat = services["api"], services["worker"], services["beat"]
    for service in (api, worker, beat):
        assert service["build"] == "."
        assert service["environment"]["DATABASE_URL"].startswith("postgresql+psycopg://")
        assert service["environment"]["DATABASE_URL"].split("@")[1].startswith("postgres:")
        assert service["environment"]["QUOTES_BROKER_URL"].startswith("amqp://")
        assert service["environment"]["QUOTES_BROKER_URL"].split("@")[1].startswith("rabbitmq:")
    entrypoint = worker["entrypoint"]
    assert entrypoint[:3] == ["python", "-m", "service"]
    args = build_parser().parse_args(entrypoint[3:])  # a command the CLI really has
    assert args.command == "worker" and args.concurrency >= 1
    assert worker["depends_on"]["api"]["condition"] == "service_healthy"  # migrations ran
    # one beat for the deployment: the periodic sweep of the webhook outbox and of old jobs
    assert beat["deploy"]["replicas"] == 1 and beat["depends_on"]["api"]["condition"] == "service_healthy"
    assert build_parser().parse_args(beat["entrypoint"][3:]).command == "beat"
    assert beat["entrypoint"][:3] == ["python", "-m", "service"]
