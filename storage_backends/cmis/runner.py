"""The reconciler over the configured repository, for the command and the Celery task."""
from .. import configuration
from .client import CmisGateway
from .reconciler import Reconciler, ReconcileReport


def reconcile_configured(*, full: bool) -> ReconcileReport | None:
    """Run the reconciler against the configured repository; None when the CMIS backend is not the active one."""
    active = configuration.active()
    if active.backend != "cmis":
        return None
    gateway = CmisGateway(configuration.cmis_config(active))
    try:
        return Reconciler(gateway).run(full=full)
    finally:
        gateway.close()
