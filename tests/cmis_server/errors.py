"""CMIS exceptions with the HTTP status and JSON name the Browser Binding gives them (OpenCMIS mapping)."""


class CmisError(Exception):
    status = 500
    name = "runtime"

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _error(name: str, status: int) -> type[CmisError]:
    return type(name[0].upper() + name[1:], (CmisError,), {"status": status, "name": name})


InvalidArgument = _error("invalidArgument", 400)
PermissionDenied = _error("permissionDenied", 403)
StreamNotSupported = _error("streamNotSupported", 403)
ObjectNotFound = _error("objectNotFound", 404)
NotSupported = _error("notSupported", 405)
Constraint = _error("constraint", 409)
ContentAlreadyExists = _error("contentAlreadyExists", 409)
NameConstraintViolation = _error("nameConstraintViolation", 409)
UpdateConflict = _error("updateConflict", 409)
Versioning = _error("versioning", 409)
Runtime = _error("runtime", 500)
Storage = _error("storage", 500)

BY_NAME = {cls.name: cls for cls in CmisError.__subclasses__()}
