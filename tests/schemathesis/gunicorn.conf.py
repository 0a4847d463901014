"""gunicorn settings for the schemathesis gate: the project's own, with every worker refusing (and logging) any
connection or name lookup off loopback, so a run proves the server reached nothing outside this machine."""
import ipaddress
import json
import os
import runpy
import socket
import sys
from pathlib import Path

_project = runpy.run_path(str(Path(__file__).resolve().parents[2] / "config" / "gunicorn.conf.py"))
globals().update({name: value for name, value in _project.items() if not name.startswith("__")})

# Where refused attempts are written, one JSON line each; the gate fails when the file is not empty.
OUTSIDE_LOG = os.environ["SCHEMATHESIS_OUTSIDE_LOG"]
LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"}


def _is_loopback(host) -> bool:
    if isinstance(host, bytes):
        host = host.decode(errors="replace")
    if host is None or host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


def _refuse_outside(event: str, args: tuple) -> None:
    if event == "socket.connect":
        sock, address = args
        if sock.family not in (socket.AF_INET, socket.AF_INET6) or _is_loopback(address[0]):
            return
        target = f"{address[0]}:{address[1]}"
    elif event == "socket.getaddrinfo":
        if _is_loopback(args[0]):
            return
        target = f"lookup {args[0]}"
    else:
        return
    with open(OUTSIDE_LOG, "a") as log:
        log.write(json.dumps({"event": event, "target": target, "pid": os.getpid()}) + "\n")
    # What an offline machine answers, so the server takes its ordinary "cannot reach" path.
    raise ConnectionRefusedError(f"schemathesis gate: no connections off loopback ({target})")


def post_fork(server, worker):
    _project["post_fork"](server, worker)
    sys.addaudithook(_refuse_outside)
