"""Accept-Crs / Content-Crs handling for geo endpoints (EPSG:4326 only), from vng_api_common.

`GeoMixin` on a viewset: writes without `Content-Crs` get 412, another CRS 406;
responses carry `Content-Crs: EPSG:4326`.
"""
from vng_api_common.geo import GeoMixin  # noqa: F401
