"""A real S3-compatible HTTP server (moto in server mode) on a loopback port, stopped by PID.

The storage tests and the document benchmark (tests/bench/) run the S3
backend against it. moto keeps objects in its own process's memory.
"""
import socket
import subprocess
import sys
import time
from pathlib import Path

import boto3

MOTO_SERVER = Path(sys.executable).with_name("moto_server")
CREDENTIALS = {"aws_access_key_id": "test", "aws_secret_access_key": "test", "region_name": "us-east-1"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class S3Server:
    """`with S3Server() as s3:` serves S3 at `s3.endpoint` until the block ends."""

    def __init__(self, *, start_timeout: float = 30):
        self.port = free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}"
        self.start_timeout = start_timeout
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> "S3Server":
        self.process = subprocess.Popen(
            [str(MOTO_SERVER), "-H", "127.0.0.1", "-p", str(self.port)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + self.start_timeout
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return self
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    self.__exit__()
                    raise RuntimeError("moto_server did not start")
                time.sleep(0.1)

    def __exit__(self, *exc) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)

    def create_bucket(self, name: str) -> None:
        boto3.client("s3", endpoint_url=self.endpoint, **CREDENTIALS).create_bucket(Bucket=name)
