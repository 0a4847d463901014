"""Typed backend errors (storage_backends.base) as ZGW problems."""
from contextlib import contextmanager

from rest_framework import exceptions, status

from api.common.exceptions import BadGateway, ServiceUnavailable, invalid
from storage_backends.base import (
    BackendError,
    BackendFailed,
    BackendUnavailable,
    Conflict,
    LockError,
    NotFound,
)

# The request field an error is about, by its code.
ERROR_FIELDS = {"identificatie-niet-uniek": "identificatie", "file-size": "inhoud"}


class RangeNotSatisfiable(exceptions.APIException):
    status_code = status.HTTP_416_REQUESTED_RANGE_NOT_SATISFIABLE
    default_code = "invalid-range"
    default_detail = "Het gevraagde bereik valt buiten de inhoud."


@contextmanager
def backend_errors():
    """Typed backend errors as ZGW problems."""
    try:
        yield
    except NotFound as exc:
        raise exceptions.NotFound(str(exc), code=exc.code)
    except LockError as exc:
        raise invalid(ERROR_FIELDS.get(exc.code, "nonFieldErrors"), str(exc), exc.code)
    except Conflict as exc:
        raise invalid(ERROR_FIELDS.get(exc.code, "nonFieldErrors"), str(exc), exc.code)
    except BackendUnavailable as exc:
        raise ServiceUnavailable(str(exc))
    except BackendFailed as exc:
        raise BadGateway(str(exc))
    except BackendError as exc:
        if exc.code == "invalid-range":
            raise RangeNotSatisfiable(str(exc))
        raise invalid(ERROR_FIELDS.get(exc.code, "nonFieldErrors"), str(exc), exc.code)
