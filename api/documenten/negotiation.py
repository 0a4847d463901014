"""Content negotiation of …/enkelvoudiginformatieobjecten/{uuid}/download (RFC 9110 §12.5.1).

The content is offered as the document's `formaat` and as
application/octet-stream; any Accept that admits one of them gets the bytes.
DRF's negotiation only knows the JSON renderer and would answer 406 to
`Accept: application/octet-stream`, so the download negotiates itself and
keeps JSON for its error bodies.
"""
from collections.abc import Sequence

from django.utils.http import parse_header_parameters
from rest_framework.negotiation import BaseContentNegotiation

OCTET_STREAM = "application/octet-stream"


class ErrorsAsJson(BaseContentNegotiation):
    """Whatever the Accept: errors render as problem+json; the action checks Accept against the content."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


def _ranges(accept: str) -> list[tuple[str, str, float]]:
    """(type, subtype, q) of each media range; what does not parse is left out."""
    ranges = []
    for token in accept.split(","):
        media, params = parse_header_parameters(token.strip())
        main, _, sub = media.partition("/")
        try:
            quality = float(params.get("q", "1"))
        except ValueError:
            continue
        if main and sub:
            ranges.append((main, sub, quality))
    return ranges


def _quality(offer: str, ranges: list[tuple[str, str, float]]) -> float:
    """The q the most specific range matching `offer` gives it (0: not acceptable)."""
    main, _, sub = parse_header_parameters(offer)[0].partition("/")
    matches = [
        (2 if (m, s) == (main, sub) else 1 if (m, s) == (main, "*") else 0, quality)
        for m, s, quality in ranges
        if (m, s) in ((main, sub), (main, "*"), ("*", "*"))
    ]
    return max(matches)[1] if matches else 0.0


def preferred_type(accept: str | None, offered: Sequence[str]) -> str | None:
    """The offered media type the Accept header prefers, earlier offers winning ties; None when it admits none.

    No Accept, or one without a single media range that parses, admits anything (RFC 9110 §12.5.1).
    """
    ranges = _ranges(accept or "") or [("*", "*", 1.0)]
    best, best_quality = None, 0.0
    for offer in offered:
        quality = _quality(offer, ranges)
        if quality > best_quality:
            best, best_quality = offer, quality
    return best


def download_types(formaat: str) -> list[str]:
    """What a document's content can be served as: its formaat first, then application/octet-stream."""
    return [formaat, OCTET_STREAM] if formaat and parse_header_parameters(formaat)[0] != OCTET_STREAM else [OCTET_STREAM]
