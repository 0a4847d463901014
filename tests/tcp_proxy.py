"""A loopback TCP proxy that a test can cut and restore, to stop a server mid-request without killing it.

`cut()` closes the listening socket and resets every open connection, so the
client sees what it would see when the server process dies: the request in
flight breaks and new connections are refused. `restore()` listens again on
the same port. The server behind it keeps its state, so a test can look at
what the interrupted client left there.
"""
import socket
import struct
import threading

BUFFER = 64 * 1024


class TcpProxy:
    def __init__(self, target_port: int, *, target_host: str = "127.0.0.1"):
        self.target = (target_host, target_port)
        self._lock = threading.Lock()
        self._sockets: set[socket.socket] = set()
        self._listener: socket.socket | None = None
        self._cut_at: int | None = None
        self.sent = 0
        self.port = 0
        self.restore()

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def restore(self) -> None:
        """Accept connections again (on the port used before, if any)."""
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(16)
        self.port = listener.getsockname()[1]
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def cut(self) -> None:
        """Refuse new connections and reset the open ones, as a stopped server would."""
        with self._lock:
            listener, self._listener = self._listener, None
            open_sockets, self._sockets = self._sockets, set()
        if listener is not None:
            _close(listener)
        for sock in open_sockets:
            # Linger 0: close with a reset, not an orderly end of the stream.
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            _close(sock)

    def cut_after(self, size: int) -> None:
        """Cut once `size` more bytes have been forwarded to the server."""
        with self._lock:
            self._cut_at = self.sent + size

    def close(self) -> None:
        self.cut()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target)
            except OSError:
                _close(client)
                continue
            with self._lock:
                if self._listener is not listener:
                    _close(client)
                    _close(upstream)
                    return
                self._sockets |= {client, upstream}
            threading.Thread(target=self._pump, args=(client, upstream, True), daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, client, False), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket, to_server: bool) -> None:
        try:
            while data := source.recv(BUFFER):
                sink.sendall(data)
                if to_server and self._count(len(data)):
                    self.cut()
                    return
            sink.shutdown(socket.SHUT_WR)
        except OSError:
            pass

    def _count(self, size: int) -> bool:
        """Count bytes sent to the server; true when that reaches the armed cut."""
        with self._lock:
            self.sent += size
            if self._cut_at is not None and self.sent >= self._cut_at:
                self._cut_at = None
                return True
        return False


def _close(sock: socket.socket) -> None:
    # shutdown wakes a thread blocked in accept() or recv() on the socket; close alone may not.
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    sock.close()
