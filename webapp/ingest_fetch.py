"""Fetching a release from a URL without letting the URL reach into our own network.

Every hop (the URL and each redirect target, at most ``MAX_REDIRECTS``) is resolved once; all
its addresses must be public, and the connection then goes to exactly that checked address
(HTTP ``Host`` header, TLS SNI and certificate check use the name). So a DNS answer that
changes between check and connect (DNS rebinding) cannot reach an internal address. This is
why the module talks to urllib3 directly: requests resolves names itself and reads proxy
settings from the environment, both of which would bypass the check.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import time
from dataclasses import dataclass
from urllib.parse import quote, urljoin, urlsplit

import certifi
import urllib3
from urllib3.exceptions import HTTPError, NewConnectionError, SSLError
from urllib3.exceptions import TimeoutError as Urllib3Timeout

from webapp.ingest_common import IngestError, IngestSettings, too_big

MAX_REDIRECTS = 5
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_CHUNK = 65536
_DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_MEDIA_KINDS = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "txt",
    "text/markdown": "md",
    "text/x-markdown": "md",
    "application/pdf": "pdf",
    "application/x-pdf": "pdf",
    _DOCX_TYPE: "docx",
}
# Servers often send files as application/octet-stream; then the file name decides.
_EXTENSION_KINDS = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".txt": "txt",
    ".md": "md",
    ".html": "html",
    ".htm": "html",
}
_CHARSET = re.compile(r"""charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_ACCEPT = "text/html,application/xhtml+xml,text/plain;q=0.9,application/pdf;q=0.8," + _DOCX_TYPE + ";q=0.8"

_NOT_ALLOWED = (
    "Diese Adresse ist nicht erlaubt: {how}{host} gehört zu einem internen Netz (localhost, privates "
    "Netz oder Metadaten-Dienst). Bitte geben Sie die öffentliche Adresse der Pressemitteilung an."
)
_TIMEOUT = (
    "Die Adresse hat nicht rechtzeitig geantwortet (Zeitlimit {seconds} Sekunden). Bitte versuchen "
    "Sie es später noch einmal oder laden Sie die Pressemitteilung als Datei hoch."
)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True)
class Fetched:
    """A downloaded document: its bytes, its kind (html, txt, md, pdf, docx), charset and final URL."""

    data: bytes
    kind: str
    charset: str | None
    url: str


@dataclass(frozen=True)
class _Target:
    url: str
    scheme: str
    host: str  # ASCII (IDNA) host name or address literal, without brackets
    port: int
    request_path: str
    addresses: tuple[IPAddress, ...]


def address_allowed(ip: IPAddress) -> bool:
    """True for a public unicast address; False for loopback, private, link-local (including the
    cloud metadata address 169.254.169.254), shared, reserved, multicast and unspecified ones,
    and for IPv6 addresses that embed such an IPv4 address (mapped, 6to4, Teredo, NAT64)."""
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return address_allowed(ip.ipv4_mapped)
        embedded = [ip.sixtofour, *(ip.teredo or ())]
        if ip in _NAT64:
            embedded.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
        if any(v4 is not None and not address_allowed(v4) for v4 in embedded):
            return False
    return ip.is_global and not (
        ip.is_loopback
        or ip.is_private
        or ip.is_link_local
        or ip.is_reserved
        or ip.is_multicast
        or ip.is_unspecified
    )


def fetch(url: str, settings: IngestSettings) -> Fetched:
    """Download ``url`` following up to ``MAX_REDIRECTS`` redirects, each hop checked first."""
    deadline = time.monotonic() + 2 * settings.fetch_timeout
    current = url.strip()
    for hop in range(MAX_REDIRECTS + 1):
        target = _resolve(current, settings, redirected=hop > 0)
        location = _get(target, settings, deadline)
        if isinstance(location, Fetched):
            return location
        current = location
    raise IngestError(
        f"Die Adresse leitet mehr als {MAX_REDIRECTS}-mal weiter. Bitte geben Sie die endgültige "
        "Adresse der Pressemitteilung an.",
        502,
    )


def _resolve(url: str, settings: IngestSettings, *, redirected: bool = False) -> _Target:
    """Parse and resolve ``url``; ``IngestError`` 400 unless it is http(s) to allowed addresses."""
    where = "Das Ziel der Weiterleitung" if redirected else "Die Adresse"
    try:
        parts = urlsplit(url)
    except ValueError as exc:  # e.g. an unclosed "[" of an IPv6 address
        raise IngestError(f"{where} ist ungültig. Bitte prüfen Sie sie.", 400) from exc
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise IngestError(
            f"{where} muss mit http:// oder https:// beginnen. Bitte geben Sie die vollständige "
            "Adresse der Pressemitteilung an, z. B. https://www.example.de/presse/meldung.",
            400,
        )
    try:
        port = parts.port or (443 if scheme == "https" else 80)
        host = (parts.hostname or "").encode("idna").decode("ascii")
    except (ValueError, UnicodeError) as exc:
        raise IngestError(f"{where} ist ungültig. Bitte prüfen Sie sie.", 400) from exc
    if not host or parts.username is not None or parts.password is not None:
        raise IngestError(
            f"{where} ist ungültig (ohne Server oder mit Zugangsdaten). Bitte prüfen Sie sie.", 400
        )
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise IngestError(f"Den Server „{host}“ gibt es nicht. Bitte prüfen Sie die Adresse.", 400) from exc
    addresses = tuple(dict.fromkeys(ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos))
    if not settings.allow_private_urls and not all(address_allowed(ip) for ip in addresses):
        how = "Sie leitet weiter auf " if redirected else ""
        raise IngestError(_NOT_ALLOWED.format(how=how, host=host), 400)
    path = quote(parts.path or "/", safe="/%:@!$&'()*+,;=-._~")
    if parts.query:
        path += "?" + quote(parts.query, safe="/%:@!$&'()*+,;=-._~?")
    return _Target(url, scheme, host, port, path, addresses)


def _get(target: _Target, settings: IngestSettings, deadline: float) -> Fetched | str:
    """One GET to the checked address: a ``Fetched`` document or the next URL to follow."""
    last_error: Exception | None = None
    for ip in target.addresses:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            break
        step = min(settings.fetch_timeout, remaining)
        timeout = urllib3.Timeout(connect=step, read=step)
        try:
            with _pool(target, ip, timeout) as pool:
                response = pool.urlopen(
                    "GET",
                    target.request_path,
                    headers=_headers(target, settings),
                    redirect=False,
                    retries=False,
                    preload_content=False,
                )
                try:
                    return _handle(target, response, settings, deadline)
                finally:
                    response.close()
        except NewConnectionError as exc:  # refused or unreachable: try the next address
            last_error = exc
        except Urllib3Timeout as exc:
            raise IngestError(_TIMEOUT.format(seconds=_seconds(settings)), 504) from exc
        except SSLError as exc:
            raise IngestError(
                "Die sichere Verbindung zur Adresse ist fehlgeschlagen (Zertifikat ungültig). Bitte "
                "prüfen Sie die Adresse oder laden Sie die Pressemitteilung als Datei hoch.",
                502,
            ) from exc
        except HTTPError as exc:
            raise IngestError(
                "Die Verbindung zur Adresse ist abgebrochen. Bitte versuchen Sie es später noch einmal.", 502
            ) from exc
    if last_error is None:
        raise IngestError(_TIMEOUT.format(seconds=_seconds(settings)), 504)
    raise IngestError(
        "Die Adresse ist nicht erreichbar (der Server nimmt keine Verbindung an). Bitte prüfen Sie die "
        "Adresse oder versuchen Sie es später noch einmal.",
        502,
    ) from last_error


def _pool(target: _Target, ip: IPAddress, timeout: urllib3.Timeout) -> urllib3.HTTPConnectionPool:
    if target.scheme == "https":
        return urllib3.HTTPSConnectionPool(
            str(ip),
            target.port,
            timeout=timeout,
            retries=False,
            server_hostname=target.host,
            assert_hostname=target.host,
            cert_reqs="CERT_REQUIRED",
            ca_certs=certifi.where(),
        )
    return urllib3.HTTPConnectionPool(str(ip), target.port, timeout=timeout, retries=False)


def _headers(target: _Target, settings: IngestSettings) -> dict[str, str]:
    host = f"[{target.host}]" if ":" in target.host else target.host
    default_port = 443 if target.scheme == "https" else 80
    return {
        "Host": host if target.port == default_port else f"{host}:{target.port}",
        "User-Agent": settings.user_agent,
        "Accept": _ACCEPT,
        "Accept-Language": "de,en;q=0.5",
        "Accept-Encoding": "gzip, deflate",
    }


def _handle(
    target: _Target, response: urllib3.BaseHTTPResponse, settings: IngestSettings, deadline: float
) -> Fetched | str:
    if response.status in _REDIRECTS:
        location = response.headers.get("Location")
        if not location:
            raise IngestError("Die Adresse leitet weiter, nennt aber kein Ziel. Bitte prüfen Sie sie.", 502)
        try:
            return urljoin(target.url, location.strip())
        except ValueError as exc:  # urljoin parses the target, e.g. an unclosed "[" of an IPv6 address
            raise IngestError(
                "Das Ziel der Weiterleitung ist ungültig. Bitte prüfen Sie die Adresse.", 400
            ) from exc
    if response.status >= 400 or response.status < 200:
        raise IngestError(
            f"Der Server hat mit dem Fehler {response.status} geantwortet "
            f"({'Seite nicht gefunden' if response.status in (404, 410) else 'Abruf nicht möglich'}). "
            "Bitte prüfen Sie die Adresse oder laden Sie die Pressemitteilung als Datei hoch.",
            502,
        )
    content_type = response.headers.get("Content-Type", "")
    kind = _kind(content_type, target.request_path)
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > settings.max_bytes:
        raise too_big("Das Dokument unter dieser Adresse", settings)
    body = bytearray()
    while chunk := response.read1(_CHUNK):
        body += chunk
        if len(body) > settings.max_bytes:
            raise too_big("Das Dokument unter dieser Adresse", settings)
        if time.monotonic() > deadline:
            raise IngestError(_TIMEOUT.format(seconds=_seconds(settings)), 504)
    charset = _CHARSET.search(content_type)
    return Fetched(bytes(body), kind, charset.group(1) if charset else None, target.url)


def _kind(content_type: str, request_path: str) -> str:
    media = content_type.split(";")[0].strip().lower()
    if media in _MEDIA_KINDS:
        return _MEDIA_KINDS[media]
    path = request_path.split("?")[0].lower()
    if media in ("application/octet-stream", "binary/octet-stream", ""):
        for extension, kind in _EXTENSION_KINDS.items():
            if path.endswith(extension):
                return kind
    raise IngestError(
        "Unter dieser Adresse liegt keine Webseite, kein Text, kein PDF und kein Word-Dokument "
        f"(sondern „{media or 'unbekannter Typ'}“). Bitte geben Sie die Adresse der Pressemitteilung "
        "selbst an.",
        415,
    )


def _seconds(settings: IngestSettings) -> str:
    return f"{settings.fetch_timeout:g}".replace(".", ",")
