"""Per-request ZGW context: the caller (`request.jwt_auth`) and the API-version header."""
from .auth import ZGWAuth, bearer_token
from .components import API_VERSIONS, PATH_COMPONENTS, api_name_for_path

VERSION_HEADER = "API-version"


class ZGWRequestMiddleware:
    """Attach a lazily decoded token to API requests; stamp every API response with its version."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        api_name = api_name_for_path(request.path_info)
        request.jwt_auth = ZGWAuth(
            bearer_token(request.META.get("HTTP_AUTHORIZATION", "")),
            PATH_COMPONENTS.get(api_name or ""),
        )
        response = self.get_response(request)
        if api_name:
            response[VERSION_HEADER] = API_VERSIONS[api_name]
        return response
