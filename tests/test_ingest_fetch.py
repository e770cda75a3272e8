"""URL ingestion: address checks before any connection, redirects re-checked, timeouts, limits.

Nothing here touches the internet. A guard replaces urllib3's connect function for every test:
it records each connection and fails the test on any address other than loopback, so a
refusal that came too late (after connecting to 10.0.0.1 or 169.254.169.254) cannot pass.
Host names other than ``localhost`` are answered by a fake resolver.
"""

from __future__ import annotations

import gzip
import ipaddress
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import urllib3.util.connection

from webapp import ingest_fetch
from webapp.ingest import IngestError, IngestSettings, text_from_url
from webapp.ingest_fetch import address_allowed

DATA = Path(__file__).parent / "data" / "ingest"
PUBLIC = IngestSettings(fetch_timeout=2.0)
LOCAL = IngestSettings(fetch_timeout=2.0, allow_private_urls=True)
LOOPBACK = {"127.0.0.1", "::1"}

# Names the fake resolver knows; everything else fails like an unknown host.
FAKE_DNS = {
    "intern.example.org": ["10.0.0.1"],
    "metadata.example.org": ["169.254.169.254"],
    "gemischt.example.org": ["93.184.216.34", "192.168.0.10"],
    "v6-intern.example.org": ["fd00::1"],
}
# Answers 127.0.0.1 the first time and 10.0.0.1 afterwards, like a DNS-rebinding attacker.
REBINDING_HOST = "wechsel.example.org"


@pytest.fixture(autouse=True)
def connections(monkeypatch) -> list[tuple[str, int]]:
    """Every connection attempt, in order; a non-loopback one fails the test on the spot."""
    seen: list[tuple[str, int]] = []
    real_connect = urllib3.util.connection.create_connection

    def guarded(address, *args, **kwargs):
        seen.append(address)
        if address[0] not in LOOPBACK:
            pytest.fail(f"the test tried to connect to {address}")
        return real_connect(address, *args, **kwargs)

    real_resolve = socket.getaddrinfo
    rebinding_answers = iter(["127.0.0.1"])

    def resolve(host, port, *args, **kwargs):
        if host == REBINDING_HOST:
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(rebinding_answers, "10.0.0.1"), port))]
        if host in FAKE_DNS:
            return [
                (socket.AF_INET6 if ":" in ip else socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, port))
                for ip in FAKE_DNS[host]
            ]
        if host.rstrip(".") == "localhost" or _is_ip(host):  # answered from /etc/hosts, no DNS
            return real_resolve(host.rstrip("."), port, *args, **kwargs)
        raise socket.gaierror(socket.EAI_NONAME, "unknown in tests")

    monkeypatch.setattr(urllib3.util.connection, "create_connection", guarded)
    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    return seen


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return host.isdigit()  # "2130706433" is 127.0.0.1 written as one number
    return True


@dataclass
class Route:
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    send_length: bool = True
    trickle: float = 0.0  # seconds between single bytes of the body


@dataclass
class Server:
    base: str
    routes: dict[str, Route]
    requests: list[tuple[str, dict[str, str]]]


@pytest.fixture
def server() -> Iterator[Server]:
    routes: dict[str, Route] = {}
    requests: list[tuple[str, dict[str, str]]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requests.append((self.path, dict(self.headers)))
            route = routes.get(self.path, Route(404, {"Content-Type": "text/plain"}, b"nicht gefunden"))
            self.send_response(route.status)
            for name, value in route.headers.items():
                self.send_header(name, value)
            if route.send_length:
                self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            try:
                if route.trickle:
                    for byte in route.body:
                        self.wfile.write(bytes([byte]))
                        self.wfile.flush()
                        time.sleep(route.trickle)
                else:
                    self.wfile.write(route.body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up, as it should

        def log_message(self, format, *args) -> None:  # noqa: A002 - keep test output quiet
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    yield Server(f"http://127.0.0.1:{httpd.server_address[1]}", routes, requests)
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def _error(url: str, settings: IngestSettings) -> IngestError:
    with pytest.raises(IngestError) as info:
        text_from_url(url, settings)
    return info.value


HTML = {"Content-Type": "text/html; charset=utf-8"}


# --- the address policy ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ip", "allowed"),
    [
        ("93.184.216.34", True),
        ("2606:4700:4700::1111", True),
        ("127.0.0.1", False),
        ("127.10.20.30", False),
        ("10.0.0.1", False),
        ("172.16.5.4", False),
        ("192.168.178.1", False),
        ("169.254.169.254", False),  # cloud metadata service
        ("100.100.100.200", False),  # shared address space (another cloud's metadata)
        ("0.0.0.0", False),
        ("224.0.0.1", False),
        ("240.0.0.1", False),
        ("255.255.255.255", False),
        ("::1", False),
        ("::", False),
        ("fe80::1", False),
        ("fd00:ec2::254", False),  # IPv6 metadata service
        ("ff02::1", False),
        ("::ffff:10.0.0.1", False),
        ("::ffff:169.254.169.254", False),
        ("2002:a00:1::", False),  # 6to4 of 10.0.0.1
        ("64:ff9b::a9fe:a9fe", False),  # NAT64 of 169.254.169.254
    ],
)
def test_address_policy(ip, allowed):
    assert address_allowed(ipaddress.ip_address(ip)) is allowed


# --- refused before connecting ------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://127.0.0.1:8080/presse",
        "http://10.0.0.1/pm.html",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://[fd00:ec2::254]/",
        "http://0.0.0.0/",
        "http://2130706433/",
        "http://localhost/",
        "https://LOCALHOST.:8443/x",
        "http://intern.example.org/pm",
        "http://metadata.example.org/latest/meta-data/",
        "http://gemischt.example.org/pm",  # one public and one private address
        "http://v6-intern.example.org/pm",
    ],
)
def test_internal_address_is_refused_without_connecting(url, connections):
    error = _error(url, PUBLIC)
    assert error.status == 400
    assert error.message.startswith("Diese Adresse ist nicht erlaubt")
    assert connections == []


@pytest.mark.parametrize(
    "url",
    [
        "ftp://www.example.de/pm.txt",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "www.example.de/presse",
        "gopher://127.0.0.1:25/",
        "http://nutzer:passwort@www.example.de/",
        "http://[::1/",
        "http:///pfad",
    ],
)
def test_malformed_or_non_http_url_is_refused(url, connections):
    error = _error(url, PUBLIC)
    assert error.status == 400
    assert "Bitte" in error.message
    assert connections == []


def test_unknown_host_is_refused(connections):
    error = _error("https://gibt-es-nicht.example.net/pm", PUBLIC)
    assert (error.status, "gibt-es-nicht.example.net" in error.message) == (400, True)
    assert connections == []


# --- redirects ------------------------------------------------------------------------------------


@pytest.fixture
def only_test_server_allowed(monkeypatch):
    """Public-address rules, except that the loopback test server counts as public."""
    real = ingest_fetch.address_allowed
    monkeypatch.setattr(
        ingest_fetch, "address_allowed", lambda ip: ip == ipaddress.ip_address("127.0.0.1") or real(ip)
    )


@pytest.mark.parametrize(
    "target",
    [
        "http://10.0.0.1/intern",
        "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
        "http://[::1]:8080/",
        "http://metadata.example.org/latest/meta-data/",
        "http://127.0.0.2/admin",
    ],
)
def test_redirect_to_internal_address_is_refused_before_connecting(
    target, server, connections, only_test_server_allowed
):
    server.routes["/weiter"] = Route(302, {"Location": target})
    error = _error(server.base + "/weiter", PUBLIC)
    assert error.status == 400
    assert error.message.startswith("Diese Adresse ist nicht erlaubt: Sie leitet weiter auf")
    assert [path for path, _ in server.requests] == ["/weiter"]
    assert {host for host, _ in connections} == {"127.0.0.1"}


@pytest.mark.parametrize("target", ["file:///etc/passwd", "gopher://127.0.0.1:25/", "http://[::1/"])
def test_redirect_to_another_scheme_is_refused(target, server):
    server.routes["/weiter"] = Route(302, {"Location": target})
    error = _error(server.base + "/weiter", LOCAL)
    assert error.status == 400
    assert error.message.startswith("Das Ziel der Weiterleitung")


def test_redirects_are_followed_and_the_final_url_returned(server):
    page = (DATA / "newsroom-page.html").read_bytes()
    server.routes["/alt"] = Route(301, {"Location": "/presse/2025/weberei"})
    server.routes["/presse/2025/weberei"] = Route(200, HTML, page)
    result = text_from_url(server.base + "/alt", LOCAL)
    assert result.kind == "url"
    assert result.url == server.base + "/presse/2025/weberei"
    assert result.filename is None
    assert result.text == (DATA / "newsroom-page.expected.txt").read_text(encoding="utf-8").rstrip("\n")


def test_connection_goes_to_the_checked_address(server, connections, only_test_server_allowed):
    # The name is resolved once and checked; the connection uses that address, so a second
    # DNS answer (10.0.0.1) is never asked for or used. The Host header keeps the name.
    port = server.base.rsplit(":", 1)[1]
    server.routes["/pm"] = Route(200, HTML, b"<p>Gepr\xc3\xbcft.</p>")
    result = text_from_url(f"http://{REBINDING_HOST}:{port}/pm", PUBLIC)
    assert result.text == "Geprüft."
    assert connections == [("127.0.0.1", int(port))]
    assert server.requests[0][1]["Host"] == f"{REBINDING_HOST}:{port}"


def test_https_checks_the_certificate_of_the_name(server):
    # The loopback server speaks plain HTTP, so the TLS handshake must fail – with a message.
    error = _error(server.base.replace("http://", "https://") + "/pm", LOCAL)
    assert error.status == 502
    assert "sichere Verbindung" in error.message


def test_redirect_loop_stops_after_five_hops(server):
    for n in range(10):
        server.routes[f"/{n}"] = Route(302, {"Location": f"/{n + 1}"})
    error = _error(server.base + "/0", LOCAL)
    assert (error.status, "mehr als 5-mal" in error.message) == (502, True)
    assert len(server.requests) == 6


# --- timeouts and errors ----------------------------------------------------------------------------


def test_server_that_never_answers_times_out():
    with socket.create_server(("127.0.0.1", 0)) as silent:  # accepts connections, never replies
        port = silent.getsockname()[1]
        started = time.monotonic()
        error = _error(
            f"http://127.0.0.1:{port}/pm", IngestSettings(fetch_timeout=0.3, allow_private_urls=True)
        )
    assert error.status == 504
    assert error.message.startswith("Die Adresse hat nicht rechtzeitig geantwortet (Zeitlimit 0,3 Sekunden)")
    assert time.monotonic() - started < 2


def test_slow_trickling_body_hits_the_overall_deadline(server):
    server.routes["/langsam"] = Route(200, HTML, b"<p>" + b"x" * 100 + b"</p>", trickle=0.05)
    started = time.monotonic()
    error = _error(server.base + "/langsam", IngestSettings(fetch_timeout=0.3, allow_private_urls=True))
    assert error.status == 504
    assert time.monotonic() - started < 1.5


def test_closed_port_is_a_bad_gateway():
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]
    error = _error(f"http://127.0.0.1:{port}/", LOCAL)
    assert (error.status, "nicht erreichbar" in error.message) == (502, True)


@pytest.mark.parametrize("status", [404, 410, 500, 503])
def test_http_error_is_a_bad_gateway(server, status):
    server.routes["/pm"] = Route(status, HTML, b"<p>Fehler</p>")
    error = _error(server.base + "/pm", LOCAL)
    assert error.status == 502
    assert f"Fehler {status}" in error.message


def test_redirect_without_location_is_a_bad_gateway(server):
    server.routes["/pm"] = Route(302, {})
    assert _error(server.base + "/pm", LOCAL).status == 502


# --- content type, size, encodings -----------------------------------------------------------------


@pytest.mark.parametrize("content_type", ["image/png", "application/json", "application/zip", "video/mp4"])
def test_unsupported_content_type_is_refused(server, content_type):
    server.routes["/datei"] = Route(200, {"Content-Type": content_type}, b"\x89PNG....")
    error = _error(server.base + "/datei", LOCAL)
    assert (error.status, content_type in error.message) == (415, True)


def test_octet_stream_is_accepted_by_file_name(server):
    server.routes["/pm.txt"] = Route(200, {"Content-Type": "application/octet-stream"}, "Grüße".encode())
    assert text_from_url(server.base + "/pm.txt", LOCAL).text == "Grüße"


def test_plain_text_with_declared_charset(server):
    body = "„Grüße“ aus Köln – 5 €".encode("cp1252")
    server.routes["/pm"] = Route(200, {"Content-Type": "text/plain; charset=windows-1252"}, body)
    assert text_from_url(server.base + "/pm", LOCAL).text == "„Grüße“ aus Köln – 5 €"


def test_gzip_encoded_page_is_decoded(server):
    body = gzip.compress("<h1>Titel</h1><p>Grüße aus Köln.</p>".encode())
    server.routes["/pm"] = Route(200, {**HTML, "Content-Encoding": "gzip"}, body)
    assert text_from_url(server.base + "/pm", LOCAL).text == "Titel\n\nGrüße aus Köln."


def test_too_large_declared_length_is_refused(server):
    server.routes["/gross"] = Route(200, HTML, b"<p>" + b"x" * 5_000 + b"</p>")
    error = _error(server.base + "/gross", IngestSettings(max_bytes=4_000, allow_private_urls=True))
    assert (error.status, "4 kB" in error.message) == (413, True)


def test_too_large_stream_without_length_is_cut_off(server):
    server.routes["/strom"] = Route(200, HTML, b"<p>" + b"x" * 300_000 + b"</p>", send_length=False)
    error = _error(server.base + "/strom", IngestSettings(max_bytes=100_000, allow_private_urls=True))
    assert error.status == 413


def test_request_names_the_host_and_the_app(server):
    server.routes["/pm?id=7"] = Route(200, HTML, b"<p>Text</p>")
    text_from_url(server.base + "/pm?id=7#absatz", LOCAL)
    path, headers = server.requests[0]
    assert path == "/pm?id=7"
    assert headers["Host"] == server.base.removeprefix("http://")
    assert headers["User-Agent"] == LOCAL.user_agent


def test_empty_body_is_refused(server):
    server.routes["/leer"] = Route(200, HTML, b"")
    assert _error(server.base + "/leer", LOCAL).status == 422
