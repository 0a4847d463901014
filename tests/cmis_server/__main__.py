"""``python -m tests.cmis_server --data DIR [--host H --port P --user U --password P --index-lag S --types FILE]``."""
import argparse
import json
import logging
import signal
import sys
from pathlib import Path

from .server import CmisServer


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m tests.cmis_server",
        description="A CMIS 1.1 Browser Binding server imitating Alfresco, for tests and demos.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8089)
    parser.add_argument("--data", type=Path, required=True, help="directory for the repository state and content")
    parser.add_argument("--user", default="admin")
    parser.add_argument("--password", default="admin")
    parser.add_argument("--index-lag", type=float, default=0.0, help="seconds before a write is visible to queries")
    parser.add_argument("--types", type=Path, help="JSON file with a list of type definitions to register")
    parser.add_argument("--verbose", action="store_true", help="log every request")
    args = parser.parse_args(argv)
    types = json.loads(args.types.read_text()) if args.types else []
    server = CmisServer(args.data, host=args.host, port=args.port, user=args.user, password=args.password,
                        index_lag=args.index_lag, types=types)
    if args.verbose:
        logging.basicConfig(level=logging.INFO)
        logging.getLogger("werkzeug").setLevel(logging.INFO)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print(f"CMIS Browser Binding on {server.service_url}", flush=True)
    try:
        server.serve_forever()
    except (KeyboardInterrupt, SystemExit):
        pass


if __name__ == "__main__":
    main()
