"""``python -m service extract``: the same JSON as the API, for scripts."""
from __future__ import annotations

import io
import json

from service.cli import main

TEXT = "« Le chantier sera fini en mai », a promis Louis Caron, directeur des travaux."


def test_extract_from_stdin_prints_the_api_json(monkeypatch, capsys, client):
    monkeypatch.setattr("sys.stdin", io.StringIO(TEXT))
    assert main(["extract", "-"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == client.post("/v1/extract", json={"text": TEXT}).get_json()
    assert printed["quotes"][0]["speaker"]["name"] == "Louis Caron"


def test_extract_from_a_file(tmp_path, capsys):
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert main(["extract", str(path)]) == 0
    assert json.loads(capsys.readouterr().out)["quotes"][0]["text"] == "Le chantier sera fini en mai"


def test_missing_file_is_a_clear_error(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "absent.txt")]) == 2
    assert "error" in capsys.readouterr().err


def test_db_upgrade_creates_the_schema(tmp_path, monkeypatch, capsys):
    from sqlalchemy import create_engine, inspect

    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    monkeypatch.setenv("DATABASE_URL", url)
    assert main(["db", "upgrade"]) == 0
    engine = create_engine(url)
    assert {"articles", "quotes", "speakers", "alembic_version"} <= set(inspect(engine).get_table_names())
    engine.dispose()
