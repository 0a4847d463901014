"""gunicorn settings: threaded workers (sync Django ORM), sized from the environment."""
import multiprocessing
import os

workers = int(os.environ.get("GUNICORN_WORKERS", min(4, multiprocessing.cpu_count() * 2)))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "120"))
graceful_timeout = 30
keepalive = 5
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = 500
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-")


def post_fork(server, worker):
    """Give memory freed after a large transfer back to the system (glibc malloc).

    glibc raises its mmap threshold after freeing big buffers (S3 upload
    chunks of 8 MiB) and then keeps such buffers in per-thread arenas, so a
    threaded worker grows by every arena's share of the largest transfer.
    A fixed threshold and two arenas keep a worker's memory flat.
    """
    import ctypes
    import ctypes.util

    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return
    libc = ctypes.CDLL(libc_name)
    if hasattr(libc, "mallopt"):
        m_mmap_threshold, m_arena_max = -3, -8
        libc.mallopt(m_mmap_threshold, 128 * 1024)
        libc.mallopt(m_arena_max, 2)
