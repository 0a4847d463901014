"""The outside parties the VNG collection talks to, played on loopback.

- `POST /token`: VNG's token issuer. The collection asks it for its own token
  with `heeftAlleAutorisaties` (answered with the pre-provisioned admin client
  `zgw_api_tests`), and zrc-006/-007/-008 ask it for new clients with a few
  scopes: those are created through the service's own `POST /applicaties`,
  and a generated secret is handed to the service with
  `manage.py set_jwt_secret`. The answer is `{"authorization": "Bearer <jwt>"}`.
- `GET /mock/<path>`: the Postman mock server, answering with the responses
  saved in `ZGW_mocks.json` (URLs that do not resolve, or resolve to the wrong
  kind of resource).
"""
import json
import subprocess
import threading
import time
import urllib.error
import urllib.request
import warnings
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import jwt
from jwt.warnings import InsecureKeyLengthWarning

# The collection's own admin secret is "secret"; PyJWT rightly finds it short.
warnings.filterwarnings("ignore", category=InsecureKeyLengthWarning)

ADMIN_CLIENT_ID = "zgw_api_tests"
ADMIN_SECRET = "secret"


def token_for(client_id: str, secret: str) -> str:
    claims = {
        "iss": client_id,
        "iat": int(time.time()),
        "client_id": client_id,
        "user_id": client_id,
        "user_representation": client_id,
    }
    return jwt.encode(claims, secret, algorithm="HS256", headers={"client_identifier": client_id})


def saved_mock_responses(path: Path) -> dict[str, tuple[int, str, bytes]]:
    """Path (e.g. "zaaktype") → (status, content type, body) from a Postman collection of examples."""
    responses = {}
    for item in json.loads(path.read_text())["item"]:
        url = item["request"]["url"]
        key = "/".join(url.get("path", [])) if isinstance(url, dict) else url.rsplit("/", 1)[-1]
        if not item.get("response"):
            continue
        saved = item["response"][0]
        headers = {h["key"].lower(): h["value"] for h in saved.get("header") or []}
        body = (saved.get("body") or "").encode()
        content_type = headers.get("content-type") or ("application/json" if body.strip().startswith(b"{") else "text/plain")
        responses[key] = (saved.get("code", 200), content_type, body)
    return responses


class SideServer:
    def __init__(self, mocks_file: Path, *, python: Path, root: Path):
        self.mocks = saved_mock_responses(mocks_file)
        self.python = python
        self.root = root
        self.ac_url = ""
        self.run_env: dict = {}
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.base_url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> "SideServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def point_at(self, *, ac_url: str, run_env: dict) -> None:
        """Serve the folder run whose Autorisaties API and environment these are."""
        self.ac_url = ac_url
        self.run_env = run_env

    def issue(self, request: dict) -> tuple[int, dict]:
        if request.get("heeftAlleAutorisaties"):
            return 200, {"authorization": f"Bearer {token_for(ADMIN_CLIENT_ID, ADMIN_SECRET)}"}
        applicatie = {key: value for key, value in request.items() if key != "secret"}
        status, body = self._post(f"{self.ac_url}/applicaties", applicatie)
        if status != 201:
            return status, body
        client_id = request["clientIds"][0]
        secret = ""
        for each in request["clientIds"]:
            done = subprocess.run(
                [str(self.python), "manage.py", "set_jwt_secret", each],
                cwd=self.root, env=self.run_env, capture_output=True, text=True, check=True,
            )
            if each == client_id:
                secret = done.stdout.strip()
        return 200, {"authorization": f"Bearer {token_for(client_id, secret)}"}

    def _post(self, url: str, body: dict) -> tuple[int, dict]:
        request = urllib.request.Request(
            url,
            data=json.dumps(body).encode(),
            method="POST",
            headers={
                "Content-Type": "application/json",
                "Authorization": f"Bearer {token_for(ADMIN_CLIENT_ID, ADMIN_SECRET)}",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"{}")

    def _handler(self):
        side = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # newman's log shows every call already
                pass

            def _send(self, status: int, content_type: str, body: bytes) -> None:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_POST(self) -> None:
                if self.path.rstrip("/") != "/token":
                    return self._send(404, "text/plain", b"not found")
                try:
                    request = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
                    status, body = side.issue(request)
                except (ValueError, KeyError, subprocess.CalledProcessError) as error:
                    status, body = 400, {"detail": f"token issuer: {error}"}
                self._send(status, "application/json", json.dumps(body).encode())

            def do_GET(self) -> None:
                key = self.path.split("?")[0].removeprefix("/mock/").strip("/")
                if not self.path.startswith("/mock/") or key not in side.mocks:
                    return self._send(404, "text/plain", b"")
                self._send(*side.mocks[key])

        return Handler
