"""The schemathesis gate's response check inside a test: does the OAS a component serves describe an answer of the app."""
import requests
import schemathesis
from schemathesis.core.transport import Response


def assert_served_schema_describes(client, response, *, path: str) -> None:
    """Validate a test client's `response` against its operation in the served OAS (raises schemathesis' failures).

    `path` is the operation's template below the component's base, e.g. "/gebruiksrechten/{uuid}".
    """
    request = response.wsgi_request
    component = request.path.split("/")[1]
    served = client.get(f"/{component}/api/v1/schema/openapi.json").json()
    operation = schemathesis.openapi.from_dict(served)[path][request.method]
    operation.validate_response(Response(
        status_code=response.status_code,
        headers={name: [value] for name, value in response.headers.items()},
        content=response.content,
        request=requests.Request(request.method, request.build_absolute_uri()).prepare(),
        elapsed=0.0,
        verify=True,
    ))
