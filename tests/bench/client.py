"""The benchmark's HTTP client of the Documenten API: setup, the large round trip, and timed small operations.

One client thread, one keep-alive session. Large content goes up as
bestandsdelen whose multipart bodies are streamed from `content.ContentSlice`
and comes down with `iter_content`, so this process never holds a document.
"""
import base64
import math
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from itertools import cycle

import requests
from requests_toolbelt import MultipartEncoder

from . import content

# (connect, read) seconds; a join of a large upload answers only when it is done.
TIMEOUT = (10, 1800)
DOWNLOAD_CHUNK = 1024 * 1024
SMALL_INHOUD = base64.b64encode(b"".join(content.chunks(0, 1024))).decode()


class UnexpectedResponse(RuntimeError):
    pass


@dataclass(frozen=True)
class RoundTrip:
    size: int
    parts: int
    part_size: int  # the largest omvang: the server's DOCUMENTEN_UPLOAD_CHUNK_SIZE
    upload_seconds: float  # create + every part + unlock
    unlock_seconds: float  # the unlock alone: the server joins the parts into the content
    download_seconds: float


class DocumentenClient:
    def __init__(self, base_url: str, token: str):
        self.base_url = base_url
        self.collection = f"{base_url}/documenten/api/v1/enkelvoudiginformatieobjecten"
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {token}"

    def _call(self, method: str, url: str, expected: int, **kwargs) -> requests.Response:
        response = self.session.request(method, url, timeout=TIMEOUT, **kwargs)
        if response.status_code != expected:
            raise UnexpectedResponse(f"{method} {url}: {response.status_code} (expected {expected}): {response.text[:2000]}")
        return response

    def informatieobjecttype_published(self) -> str:
        """A new catalogus with one published informatieobjecttype; returns the type's URL."""
        catalogi = f"{self.base_url}/catalogi/api/v1"
        catalogus = self._call(
            "POST", f"{catalogi}/catalogussen", 201,
            json={"domein": "BENCH", "rsin": "000000000", "contactpersoonBeheerNaam": "Benchmark"},
        ).json()["url"]
        informatieobjecttype = self._call(
            "POST", f"{catalogi}/informatieobjecttypen", 201,
            json={
                "catalogus": catalogus,
                "omschrijving": "Benchmarkdocument",
                "vertrouwelijkheidaanduiding": "openbaar",
                "informatieobjectcategorie": "formulier",
                "beginGeldigheid": "2024-01-01",
            },
        ).json()["url"]
        self._call("POST", f"{informatieobjecttype}/publish", 200)
        return informatieobjecttype

    def _document_body(self, informatieobjecttype: str, **fields) -> dict:
        return {
            "bronorganisatie": "000000000",
            "creatiedatum": "2024-01-01",
            "titel": "Benchmark",
            "auteur": "Benchmark",
            "taal": "dut",
            "informatieobjecttype": informatieobjecttype,
            "bestandsnaam": "bench.bin",
            **fields,
        }

    def round_trip(self, informatieobjecttype: str, size: int) -> RoundTrip:
        """Upload `size` bytes through bestandsdelen, download them again and check size and CRC-32."""
        started = time.monotonic()
        document = self._call(
            "POST", self.collection, 201,
            json=self._document_body(informatieobjecttype, bestandsomvang=size, inhoud=None),
        ).json()
        lock = document["bestandsdelen"][0]["lock"]  # the spec shows the document's lock on each of its parts
        start = 0
        for part in sorted(document["bestandsdelen"], key=lambda part: part["volgnummer"]):
            body = MultipartEncoder(
                fields={"lock": lock, "inhoud": ("bench.bin", content.ContentSlice(start, part["omvang"]), "application/octet-stream")}
            )
            self._call("PUT", part["url"], 200, data=body, headers={"Content-Type": body.content_type})
            start += part["omvang"]
        unlock_started = time.monotonic()
        self._call("POST", f"{document['url']}/unlock", 204, json={"lock": lock})
        uploaded = time.monotonic()

        received, crc = 0, 0
        with self._call("GET", f"{document['url']}/download", 200, stream=True) as response:
            for data in response.iter_content(DOWNLOAD_CHUNK):
                received += len(data)
                crc = zlib.crc32(data, crc)
        downloaded = time.monotonic()
        expected = content.checksum(size)
        if (received, crc) != (size, expected):
            raise UnexpectedResponse(
                f"download: {received} bytes, CRC-32 {crc:08x}; expected {size} bytes, CRC-32 {expected:08x}"
            )
        return RoundTrip(
            size=size,
            parts=len(document["bestandsdelen"]),
            part_size=max((part["omvang"] for part in document["bestandsdelen"]), default=0),
            upload_seconds=uploaded - started,
            unlock_seconds=uploaded - unlock_started,
            download_seconds=downloaded - uploaded,
        )

    def operation_rates(self, informatieobjecttype: str, seconds: float) -> dict[str, float]:
        """Requests per second of create (1 KiB base64 inhoud), read (detail) and list (first page), in turn."""
        created: list[str] = []
        rates = {"create": per_second(lambda: created.append(self.create_small(informatieobjecttype)), seconds)}
        urls = cycle(created)
        rates["read"] = per_second(lambda: self._call("GET", next(urls), 200), seconds)
        rates["list"] = per_second(lambda: self._call("GET", self.collection, 200), seconds)
        return rates

    def create_small(self, informatieobjecttype: str) -> str:
        """A new document with 1 KiB of base64 inhoud; returns its URL."""
        body = self._document_body(informatieobjecttype, inhoud=SMALL_INHOUD)
        return self._call("POST", self.collection, 201, json=body).json()["url"]

    def get(self, url: str) -> dict:
        return self._call("GET", url, 200).json()

    def list_pages(self) -> list[tuple[str, int]]:
        """(URL, documents on the page) of list pages of different sizes: one document, the first page, the last page.

        The API's page size is fixed (100), so the sizes come from a filter
        (`identificatie` of one document) and from the partly filled last page.
        """
        collection = self.collection
        first = self.get(collection)
        last_number = math.ceil(first["count"] / len(first["results"]))
        urls = [f"{collection}?identificatie={first['results'][0]['identificatie']}", collection]
        if last_number > 1:
            urls.append(f"{collection}?page={last_number}")
        return [(url, len(self.get(url)["results"])) for url in urls]


def per_second(operation: Callable[[], object], seconds: float) -> float:
    """Run `operation` back to back for `seconds`; the calls completed per second."""
    count = 0
    started = time.monotonic()
    while (elapsed := time.monotonic() - started) < seconds:
        operation()
        count += 1
    return count / elapsed
