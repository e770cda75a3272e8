"""Security headers on every response and secure session cookies when the site is served over https.

The Content-Security-Policy allows only the site's own scripts, styles and media —
no inline script or style — so injected markup cannot run. HSTS is sent only on
https requests (behind a proxy, gunicorn's ``--forwarded-allow-ips`` makes
``X-Forwarded-Proto`` count), never on plain http, where it would be ignored anyway.
"""

from __future__ import annotations

from flask import Flask, Response, request

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "img-src 'self' data:",
        "media-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
    )
)

HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}

#: One year, the value browsers' preload lists expect.
HSTS = "max-age=31536000; includeSubDomains"


def served_over_https(app: Flask) -> bool:
    """The ``HTTPS`` setting; unset, whether ``BASE_URL`` is an https address."""
    setting = app.config.get("HTTPS")
    if setting is not None:
        return bool(setting)
    return str(app.config.get("BASE_URL") or "").startswith("https://")


def add_headers(response: Response) -> Response:
    """Set the security headers a view did not set itself (a view may need a different policy)."""
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if request.is_secure:
        response.headers.setdefault("Strict-Transport-Security", HSTS)
    return response


def init_app(app: Flask) -> None:
    """Wire the headers and the cookie flags to the app (a second call changes nothing)."""
    if "klartext_security" in app.extensions:
        return
    app.extensions["klartext_security"] = True
    secure = served_over_https(app)
    app.config["SESSION_COOKIE_SECURE"] = secure
    app.config["REMEMBER_COOKIE_SECURE"] = secure
    app.config["REMEMBER_COOKIE_HTTPONLY"] = True
    app.after_request(add_headers)
