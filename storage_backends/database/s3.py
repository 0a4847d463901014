"""The S3 storage of document content: django-storages' S3Storage with one boto3 session per process.

S3Storage gives every thread a boto3 session of its own, and each session
loads S3's service model and endpoint data anew (13–17 MiB): a threaded
gunicorn worker carried one copy per thread that had touched S3. Here the
threads share one session; each still gets its own resource (boto3 resources
are not thread-safe), made from the shared session under a lock because a
session is not safe to create clients from concurrently.
"""
import threading

from storages.backends.s3 import S3Storage


class SharedSessionS3Storage(S3Storage):
    def __init__(self, **settings):
        super().__init__(**settings)
        self._session_lock = threading.Lock()
        self._session = None

    def _create_session(self):
        if self._session is None:
            self._session = super()._create_session()
        return self._session

    @property
    def connection(self):
        with self._session_lock:
            return super().connection

    def __getstate__(self):
        state = super().__getstate__()
        state.pop("_session", None)
        state.pop("_session_lock", None)
        return state

    def __setstate__(self, state):
        super().__setstate__(state)
        self._session_lock = threading.Lock()
        self._session = None
