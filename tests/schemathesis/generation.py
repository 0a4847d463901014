"""What the schemathesis gate generates: URLs and uuids of the server under test only, and no write to its own applicatie.

schemathesis' own `uri` values are `https://<random domain>`: a server that
checks a reference by fetching it (objectinformatieobjecten fetch `object`)
would reach outside. Here every `uri` is a URL of the server under test —
a resource set-up created, or a path on it that does not exist — and every
`uuid` is one of a real resource about as often as a random one, so
retrieves and updates get past 404.
"""
import uuid
from dataclasses import dataclass
from urllib.parse import urlsplit

import schemathesis
from hypothesis import strategies as st

URI_FORMATS = ("uri", "uri-reference", "iri", "iri-reference")
WRITE_METHODS = {"PUT", "PATCH", "DELETE", "POST"}


@dataclass
class Target:
    """The server one component run talks to, the resources it holds, and the ones the run must not write."""

    base_url: str
    known_urls: list[str]
    # URL of a protected resource → URL of a stand-in of the same kind that writes go to instead
    protected: dict[str, str]


_target: Target | None = None


def _uuid_of(url: str) -> str | None:
    try:
        return str(uuid.UUID(urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]))
    except ValueError:
        return None


def target_set(target: Target) -> None:
    """Point generation at `target`: register the `uri` and `uuid` strategies for its resources."""
    global _target
    _target = target
    usable = [url for url in target.known_urls if url not in target.protected] or [f"{target.base_url}/"]
    collections = sorted({url.rsplit("/", 1)[0] for url in usable})
    missing = st.builds(lambda collection, value: f"{collection}/{value}", st.sampled_from(collections), st.uuids())
    elsewhere = st.builds(
        lambda path: f"{target.base_url}/{path}", st.from_regex(r"[a-z0-9]{1,12}(/[a-z0-9]{1,12}){0,3}", fullmatch=True)
    )
    uris = st.one_of(st.sampled_from(usable), missing, elsewhere)
    for name in URI_FORMATS:
        schemathesis.openapi.format(name, uris)
    uuids = sorted({value for value in map(_uuid_of, usable) if value})
    schemathesis.openapi.format("uuid", st.one_of(st.sampled_from(uuids), st.uuids().map(str)) if uuids else st.uuids().map(str))


@schemathesis.hook
def before_call(context, case, kwargs):
    """A write aimed at a protected resource goes to its stand-in (the run would otherwise lock itself out)."""
    if _target is None or case.method.upper() not in WRITE_METHODS:
        return
    for protected, stand_in in _target.protected.items():
        protected_uuid, stand_in_uuid = _uuid_of(protected), _uuid_of(stand_in)
        for name, value in (case.path_parameters or {}).items():
            if str(value) == protected_uuid:
                case.path_parameters[name] = stand_in_uuid
