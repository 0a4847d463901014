"""Every API error as `application/problem+json` with the ZGW fields.

Wraps vng_api_common's handler (which builds the ZGW body) and fixes its
known gap: DRF overwrote the problem content type (LIBRARIES.md §2.1); a 400
without field errors (an unparsable body) still gets `invalidParams`.
Services raise `DomainError` subclasses carrying a ZGW code and status; model
validation and integrity problems of client input become 400s, never 500s.
"""
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import JsonResponse
from rest_framework import exceptions as drf_exceptions
from rest_framework import status
from rest_framework.exceptions import ErrorDetail
from rest_framework.serializers import as_serializer_error
from vng_api_common.exception_handling import ERROR_CONTENT_TYPE
from vng_api_common.exception_handling import exception_handler as vng_exception_handler


class DomainError(drf_exceptions.APIException):
    """A business rule refused the request; subclasses set status_code and default_code."""

    status_code = status.HTTP_400_BAD_REQUEST
    default_code = "invalid"
    default_detail = "De aanvraag is in strijd met een regel van de standaard."


class Conflict(DomainError):
    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"
    default_detail = "De aanvraag botst met de huidige toestand van de resource."


class ServiceUnavailable(DomainError):
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_code = "service-unavailable"
    default_detail = "Een achterliggende dienst is tijdelijk niet bereikbaar."


class BadGateway(DomainError):
    status_code = status.HTTP_502_BAD_GATEWAY
    default_code = "bad-gateway"
    default_detail = "Een achterliggende dienst gaf een onverwacht antwoord."


def invalid(field: str, message: str, code: str) -> drf_exceptions.ValidationError:
    """A 400 naming one field, for rules checked outside a serializer."""
    return drf_exceptions.ValidationError({field: [ErrorDetail(message, code=code)]})


def exception_handler(exc, context):
    if isinstance(exc, DjangoValidationError):
        exc = drf_exceptions.ValidationError(as_serializer_error(exc))
    response = vng_exception_handler(exc, context)
    if response is None:
        return None
    response.content_type = ERROR_CONTENT_TYPE
    if response.status_code == 400 and "invalid_params" not in response.data:
        # A 400 is a ValidatieFout in every ZGW OAS: a body that does not parse
        # names itself as the invalid parameter.
        response.data["invalid_params"] = [
            {"name": "nonFieldErrors", "code": response.data.get("code", "invalid"), "reason": response.data.get("detail", "")}
        ]
    return response


def problem_response(request, *, status_code: int, code: str, title: str, detail: str = "") -> JsonResponse:
    """A problem+json answer for errors raised outside DRF (unknown URL, crash)."""
    body = {
        "type": "",
        "code": code,
        "title": title,
        "status": status_code,
        "detail": detail or title,
        "instance": request.build_absolute_uri(),
    }
    return JsonResponse(body, status=status_code, content_type=ERROR_CONTENT_TYPE)
