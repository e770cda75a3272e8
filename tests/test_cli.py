"""The klartext command line (foundation commands)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from tests.conftest import DATA, corpus_text
from webapp.cli import main


@pytest.fixture
def cli(tmp_path, monkeypatch):
    monkeypatch.setenv("KLARTEXT_INSTANCE_PATH", str(tmp_path / "instance"))
    monkeypatch.setenv("KLARTEXT_BASE_URL", "http://presse.example.org")
    monkeypatch.delenv("DATABASE_URL", raising=False)
    return CliRunner()


def test_parse_json_prints_the_release_fields(cli) -> None:
    result = cli.invoke(main, ["parse", str(DATA / "corpus" / "07-hitzetelefon-kaltenbrunn.txt"), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    expected = json.loads((DATA / "corpus" / "07-hitzetelefon-kaltenbrunn.json").read_text(encoding="utf-8"))
    for field in ("title", "date", "place", "contact"):
        assert data[field] == expected[field]
    assert data["source"]["kind"] == "txt"
    assert set(data) >= {
        "title",
        "subtitle",
        "date",
        "place",
        "lead",
        "body",
        "quotes",
        "caption",
        "photo_credit",
        "boilerplate",
        "contact",
        "persons",
        "source",
        "language",
    }


def test_parse_reads_standard_input(cli) -> None:
    result = cli.invoke(main, ["parse", "-", "--json"], input=corpus_text("10-kurzmeldung-buergerbuero"))
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["source"]["kind"] == "paste"


def test_parse_empty_input_fails_with_german_message(cli) -> None:
    result = cli.invoke(main, ["parse", "-", "--json"], input="   \n")
    assert result.exit_code != 0
    assert "leer" in result.output


def test_parse_missing_file(cli) -> None:
    result = cli.invoke(main, ["parse", "/nicht/da.txt", "--json"])
    assert result.exit_code != 0 and "gibt es nicht" in result.output


def test_ingest_stores_publishes_and_prints_address(cli, tmp_path) -> None:
    path = DATA / "corpus" / "09-baustelle-kanalstrasse.txt"
    result = cli.invoke(main, ["ingest", str(path), "--publish"])
    assert result.exit_code == 0, result.output
    address = result.output.strip().splitlines()[0]
    assert address.startswith("http://presse.example.org/releases/")
    from webapp import create_app

    app = create_app({"INSTANCE_PATH": str(tmp_path / "instance")})
    response = app.test_client().get(address.removeprefix("http://presse.example.org"))
    assert response.status_code == 200


def test_init_db_and_create_user(cli) -> None:
    assert cli.invoke(main, ["init-db"]).exit_code == 0
    result = cli.invoke(main, ["create-user", "pressestelle"])
    assert result.exit_code == 0 and "Einmal-Passwort" in result.output
    again = cli.invoke(main, ["create-user", "pressestelle", "--password", "noch-ein-passwort"])
    assert again.exit_code != 0 and "gibt es schon" in again.output
    short = cli.invoke(main, ["create-user", "kurz", "--password", "kurz"])
    assert short.exit_code != 0 and "mindestens 10 Zeichen" in short.output


def test_analyze_json_has_counts_scores_band_and_findings(cli) -> None:
    result = cli.invoke(
        main, ["analyze", str(DATA / "corpus" / "05-foerderprogramm-qualifizierung.txt"), "--json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert {"counts", "scores", "band", "findings", "sentences"} <= set(data)
    assert data["scores"]["flesch_amstad"]["band"] in {"sehr schwer", "schwer", "mittelschwer"}
    assert data["counts"]["words"] > 100 and data["findings"]


def test_simplify_json_and_refusal_of_english(cli) -> None:
    result = cli.invoke(main, ["simplify", str(DATA / "corpus" / "04-polizei-wohnungsbrand.txt"), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["summary"] and data["sections"] and data["label"].startswith("Automatisch vereinfacht")
    english = "Library opens\n\nSpringfield, 3 March 2025. The city has opened a new library for all of you."
    refused = cli.invoke(main, ["simplify", "-", "--json"], input=english)
    assert refused.exit_code != 0 and "Englisch" in refused.output


def test_speak_script_and_mp3_with_vtt(cli, tmp_path) -> None:
    path = str(DATA / "corpus" / "10-kurzmeldung-buergerbuero.txt")
    script = cli.invoke(main, ["speak", path, "--script"])
    assert script.exit_code == 0, script.output
    assert script.output.startswith("Pressemitteilung von")
    assert not any(ch.isdigit() for ch in script.output), "digits left in the spoken script"
    out, vtt = tmp_path / "pm.mp3", tmp_path / "pm.vtt"
    result = cli.invoke(main, ["speak", path, "-o", str(out), "--vtt", str(vtt), "--version", "plain"])
    assert result.exit_code == 0, result.output
    from mutagen.mp3 import MP3

    assert MP3(out).info.length > 3
    assert vtt.read_text(encoding="utf-8").startswith("WEBVTT")
    missing = cli.invoke(main, ["speak", path])
    assert missing.exit_code != 0 and "-o" in missing.output
