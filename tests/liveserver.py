"""A live server of this project for the runners (conformance, schemathesis, bench): databases, manage.py, gunicorn."""
import os
import signal
import socket
import subprocess
import time
import urllib.request
import uuid
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[1]
PYTHON = ROOT / ".venv" / "bin" / "python"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def db_admin() -> psycopg.Connection:
    return psycopg.connect(
        host=os.environ.get("DB_HOST", "127.0.0.1"),
        port=os.environ.get("DB_PORT", "55432"),
        user=os.environ.get("DB_USER", "openzaak_cmis"),
        password=os.environ.get("DB_PASSWORD", ""),
        dbname="postgres",
        autocommit=True,
    )


def database_recreate(name: str, template: str | None = None) -> None:
    with db_admin() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))


def service_env(db_name: str, *, cache_prefix: str = "conformance") -> dict:
    """The server's environment: no outgoing notifications, the embedded Referentielijsten API, a cold cache."""
    env = dict(os.environ)
    env.update(
        DB_NAME=db_name,
        DB_POOL="false",
        NOTIFICATIONS_API_URL="",
        REFERENTIELIJSTEN_API_URL="",
        # Each run starts with a cold cache of its own.
        CACHE_KEY_PREFIX=f"{cache_prefix}-{uuid.uuid4().hex[:8]}",
    )
    return env


def manage(*args: str, db_name: str) -> str:
    done = subprocess.run(
        [str(PYTHON), "manage.py", *args], cwd=ROOT, env=service_env(db_name), capture_output=True, text=True
    )
    if done.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


class Server:
    """gunicorn serving the project on a loopback port, stopped by PID."""

    def __init__(
        self, db_name: str, log: Path, *, extra_env: dict | None = None, config: str = "config/gunicorn.conf.py",
        port: int | None = None,
    ):
        """`extra_env` overrides the environment last (the benchmark picks its backend and worker count there);
        `config` is the gunicorn configuration file (the schemathesis gate wraps the project's own); `port` keeps
        one address across servers, since the service recognises its own resources by their URL."""
        self.port = port or free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        env = service_env(db_name)
        env.update(GUNICORN_WORKERS="2", GUNICORN_THREADS="4", GUNICORN_ACCESSLOG=str(log.with_suffix(".access.log")))
        env.update(extra_env or {})
        self._log = open(log, "w")
        self.process = subprocess.Popen(
            [str(ROOT / ".venv" / "bin" / "gunicorn"), "openzaak_cmis.wsgi", "-c", config,
             "-b", f"127.0.0.1:{self.port}"],
            cwd=ROOT, env=env, stdout=self._log, stderr=subprocess.STDOUT,
        )

    def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.process.returncode}; see {self._log.name}")
            try:
                with urllib.request.urlopen(f"{self.base_url}/health/live", timeout=2):
                    return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"gunicorn did not answer within {timeout}s; see {self._log.name}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log.close()
