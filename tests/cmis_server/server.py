"""Run the server: in a background thread (Python API for tests and scripts) or in the foreground (CLI)."""
import logging
import threading
from pathlib import Path

from werkzeug.serving import make_server

from .binding import SERVICE_PATH, BrowserBindingApp
from .control import RequestLog, register_type
from .faults import Faults
from .repository import Repository


class CmisServer:
    """A CMIS Browser Binding server on ``host:port`` (port 0 picks a free one) over ``data_dir``.

    >>> server = CmisServer(tmp_path).start()
    >>> server.service_url, server.faults.add(action="checkIn", status=500)
    >>> server.stop()
    """

    def __init__(self, data_dir: Path, *, host: str = "127.0.0.1", port: int = 0, user: str = "admin",
                 password: str = "admin", index_lag: float = 0.0, types: list[dict] = ()):
        self.repository = Repository(Path(data_dir), index_lag=index_lag)
        for definition in types:
            register_type(self.repository, definition)
        self.faults = Faults()
        self.requests = RequestLog()
        app = BrowserBindingApp(self.repository, user=user, password=password, faults=self.faults, log=self.requests)
        self._server = make_server(host, port, app, threaded=True)
        self._thread: threading.Thread | None = None
        logging.getLogger("werkzeug").setLevel(logging.WARNING)

    @property
    def url(self) -> str:
        return f"http://{self._server.host}:{self._server.port}"

    @property
    def service_url(self) -> str:
        return self.url + SERVICE_PATH

    def start(self) -> "CmisServer":
        self._thread = threading.Thread(target=self._server.serve_forever, name="cmis-server", daemon=True)
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        self._server.serve_forever()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=10)
