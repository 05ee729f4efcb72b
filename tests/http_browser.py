"""A tiny HTTP client for a real server on 127.0.0.1 that keeps the session cookie by hand
(production cookies are Secure, which cookie jars will not send over plain HTTP)."""

from __future__ import annotations

import http.client
import re
import urllib.parse

SESSION_COOKIES = ("natahjem_session", "__Host-natahjem_session")


class ServerUnavailable(RuntimeError):
    """The server answered 5xx where a page was expected (e.g. the friendly 503 while the database is busy
    or down): a caller that may retry, retries; others fail as with any RuntimeError."""


class Browser:
    def __init__(self, port: int):
        self.port = port
        self.cookie = ""

    def request(self, method: str, path: str, form: dict | None = None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Cookie": self.cookie} if self.cookie else {}
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        data = response.read()
        for header, value in response.getheaders():
            # Production names it __Host-natahjem_session (security finding 13), development natahjem_session.
            if header.lower() == "set-cookie" and value.split("=", 1)[0] in SESSION_COOKIES:
                self.cookie = value.split(";", 1)[0]
        conn.close()
        return response.status, response.getheader("Location", ""), data.decode("utf-8", "replace")

    def csrf(self, path: str) -> str:
        status, _loc, page = self.request("GET", path)
        if status >= 500:
            raise ServerUnavailable(f"{path} answered {status}")
        match = re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', page)
        if not match:
            raise RuntimeError(f"no CSRF token on {path}")
        return match.group(1)

    def sign_in(self, email: str, password: str, totp_secret: str | None = None) -> None:
        token = self.csrf("/auth/login")
        status, location, _ = self.request("POST", "/auth/login",
                                           {"csrf_token": token, "email": email, "password": password})
        if status == 302 and location.startswith("/auth/second-factor") and totp_secret:
            import pyotp

            token = self.csrf("/auth/second-factor")
            status, location, _ = self.request("POST", "/auth/second-factor", {
                "csrf_token": token, "totp-code": pyotp.TOTP(totp_secret).now(), "totp-submit": "1"})
        if status >= 500:
            raise ServerUnavailable(f"sign-in answered {status} for {email}")
        if status != 302 or location.startswith("/auth/login"):
            raise RuntimeError(f"sign-in failed for {email}: {status}")
