"""The read-only JSON API and its OpenAPI description."""

from __future__ import annotations

import json

from sqlalchemy import select

from tests.conftest import corpus_text
from webapp import jobs
from webapp.db import db
from webapp.models import ReleaseRecord


def _publish(app, client, name: str = "10-kurzmeldung-buergerbuero", publish: bool = True) -> str:
    data = {"text": corpus_text(name)}
    if publish:
        data["publish"] = "y"
    client.post("/redaktion/neu", data=data)
    jobs.run_pending(app)
    with app.app_context():
        return db.session.scalars(select(ReleaseRecord.slug).order_by(ReleaseRecord.id.desc())).first()


def test_list_and_detail_of_published_releases(app, editor_client) -> None:
    slug = _publish(app, editor_client)
    draft = _publish(app, editor_client, "04-polizei-wohnungsbrand", publish=False)
    listing = editor_client.get("/api/releases").get_json()
    assert listing["total"] == 1 and [r["slug"] for r in listing["releases"]] == [slug]
    assert listing["releases"][0]["url"] == f"http://localhost/releases/{slug}"
    detail = editor_client.get(f"/api/releases/{slug}").get_json()
    assert detail["release"]["title"] == detail["title"]
    assert detail["readability"]["scores"]["flesch_amstad"]["band"]
    assert detail["plain"]["summary"] and detail["plain"]["label"].startswith("Automatisch vereinfacht")
    assert set(detail["readings"]) == {"original", "plain"}
    mp3 = detail["readings"]["original"]["mp3"]
    assert mp3.startswith("http://localhost/audio/") and mp3.endswith(".mp3")
    response = editor_client.get(mp3.removeprefix("http://localhost"))
    assert response.status_code == 200 and len(response.get_data()) == detail["readings"]["original"]["size"]
    response.close()
    missing = editor_client.get(f"/api/releases/{draft}")
    assert missing.status_code == 404 and missing.get_json()["status"] == 404  # drafts are not in the API


def test_responses_match_the_openapi_document(app, editor_client) -> None:
    import jsonschema

    slug = _publish(app, editor_client)
    spec = editor_client.get("/api/openapi.json").get_json()
    assert spec["openapi"].startswith("3.1") and set(spec["paths"]) == {
        "/api/releases",
        "/api/releases/{slug}",
    }
    schemas = {"components": spec["components"]}
    for url, schema in [
        ("/api/releases", "ReleaseList"),
        (f"/api/releases/{slug}", "Release"),
        ("/api/releases/gibt-es-nicht", "Error"),
    ]:
        body = editor_client.get(url).get_json()
        jsonschema.validate(body, {**schemas, "$ref": f"#/components/schemas/{schema}"})


def test_api_is_rate_limited_with_a_json_error(make_app) -> None:
    app = make_app(API_RATE_LIMIT="3 per minute")
    client = app.test_client()
    statuses = [client.get("/api/releases").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    body = json.loads(client.get("/api/releases").get_data())
    assert body["status"] == 429 and "zu viele Versuche" in body["detail"]
