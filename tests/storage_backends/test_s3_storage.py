"""The S3 storage's threads share one boto3 session (S3's service model loaded once), each with its own resource."""
import io
import threading
import uuid

from tests.storage_backends.conftest import s3_storage


def test_threads_share_one_session_and_each_has_its_own_resource(s3_endpoint):
    storage = s3_storage(s3_endpoint, f"test-{uuid.uuid4().hex[:12]}")
    sessions, resources = [], []

    def upload():
        storage.save(f"x/{uuid.uuid4().hex}", io.BytesIO(b"inhoud"))
        sessions.append(storage._create_session())
        resources.append(storage.connection)

    threads = [threading.Thread(target=upload) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({id(session) for session in sessions}) == 1
    assert len({id(resource) for resource in resources}) == 4
    assert len(storage.listdir("x")[1]) == 4
