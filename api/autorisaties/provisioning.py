"""Declarative applicaties: `manage.py provision FILE.yaml` creates or updates them idempotently.

The file is a mapping with one key, `applicaties`: a list of entries with
`label`, `client_ids` and `secret` (all required), either
`heeft_alle_autorisaties: true` or `autorisaties` (each with `component`,
`scopes` and, as the component needs them, `zaaktype`, `informatieobjecttype`,
`besluittype`, `max_vertrouwelijkheidaanduiding`), and optionally
`alleen_is_gereed_voor_publicatie` (Autorisaties 1.1; false when left out).

Matching: an entry describes the existing applicatie that holds any of its
client ids (a client id belongs to one applicatie, as in the Autorisaties API);
when none does, a new applicatie is created. For the applicaties it names the
file is the whole truth: label, client ids, heeft_alle_autorisaties,
alleen_is_gereed_voor_publicatie and autorisaties are replaced, and the secret becomes the secret of each of its
client ids. Applicaties the file does not name are left alone.

Validation: the Autorisaties API's rules (ApplicatieSerializer) plus known keys
only, the right types, a non-empty secret and client ids, each client id in one
entry, and type fields only on the component they belong to. Every problem is
reported with its line; nothing is written unless the whole file is valid, and
then in one transaction. Provisioning sends no `autorisaties` notification: it
runs without a request, so there is no base URL to name the applicatie by.
"""
from dataclasses import dataclass

import yaml
from django.db import transaction
from rest_framework.settings import api_settings

from api.common.autorisaties import Applicatie, JWTSecret

from .selectors import applicatie_alleen_is_gereed_voor_publicatie
from .serializers import ApplicatieSerializer

TYPE_FIELDS = ("zaaktype", "informatieobjecttype", "besluittype", "max_vertrouwelijkheidaanduiding")


def _text(value) -> bool:
    return isinstance(value, str)


def _filled_text(value) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _texts(value) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _filled_texts(value) -> bool:
    return isinstance(value, list) and bool(value) and all(_filled_text(item) for item in value)


def _boolean(value) -> bool:
    return isinstance(value, bool)


def _list(value) -> bool:
    return isinstance(value, list)


# key: (check, what the value must be); the items of `autorisaties` are checked one by one
ENTRY_FIELDS = {
    "label": (_filled_text, "een niet-lege tekst"),
    "client_ids": (_filled_texts, "een niet-lege lijst van niet-lege teksten"),
    "secret": (_filled_text, "een niet-lege tekst"),
    "heeft_alle_autorisaties": (_boolean, "true of false"),
    "alleen_is_gereed_voor_publicatie": (_boolean, "true of false"),
    "autorisaties": (_list, "een lijst"),
}
ENTRY_REQUIRED = ("label", "client_ids", "secret")
AUTORISATIE_FIELDS = {
    "component": (_text, "een tekst"),
    "scopes": (_texts, "een lijst van teksten"),
    **{field: (_text, "een tekst") for field in TYPE_FIELDS},
}
AUTORISATIE_REQUIRED = ("component", "scopes")


@dataclass(frozen=True)
class Problem:
    line: int
    path: str
    message: str

    def __str__(self) -> str:
        where = f"regel {self.line}"
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


class ProvisioningError(Exception):
    """The file is not valid; nothing was changed."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


@dataclass(frozen=True)
class Outcome:
    label: str
    client_ids: tuple[str, ...]
    status: str  # "created", "updated" or "unchanged"


def applicatie_validate(*, data: dict, instance: Applicatie | None) -> tuple[ApplicatieSerializer, list[tuple[tuple, str]]]:
    """Check an applicatie with the Autorisaties API's rules; return the serializer and (path, message) problems.

    `data` is the serializer input with every autorisatie field present (blank
    ones as ""). A type field on a component it does not belong to (a zaaktype
    on a drc autorisatie) is a problem too: the API would silently drop it.
    """
    serializer = ApplicatieSerializer(instance=instance, data=data)
    if not serializer.is_valid():
        return serializer, list(_flatten(serializer.errors, ()))
    problems = []
    kept_autorisaties = serializer.validated_data.get("autorisaties", [])
    for index, (given, kept) in enumerate(zip(data.get("autorisaties", []), kept_autorisaties)):
        for field in TYPE_FIELDS:
            if given.get(field) and not kept.get(field):
                problems.append((("autorisaties", index, field), f"Hoort niet bij component {given['component']}."))
    return serializer, problems


def _flatten(errors, path: tuple):
    if isinstance(errors, dict):
        for key, value in errors.items():
            yield from _flatten(value, path if key == api_settings.NON_FIELD_ERRORS_KEY else path + (key,))
    elif isinstance(errors, list) and errors and all(isinstance(item, str) for item in errors):
        for message in errors:
            yield path, str(message)
    elif isinstance(errors, list):
        for index, item in enumerate(errors):
            yield from _flatten(item, path + (index,))
    else:
        yield path, str(errors)


def _dotted(path: tuple) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


class _Document:
    """The parsed file and the line of every key and list item, by path."""

    def __init__(self, text: str):
        loader = yaml.SafeLoader(text)
        try:
            node = loader.get_single_node()
            self.data = loader.construct_document(node) if node is not None else None
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
            detail = getattr(exc, "problem", None) or str(exc)
            raise ProvisioningError([Problem(mark.line + 1 if mark else 1, "", f"Ongeldige YAML: {detail}.")])
        finally:
            loader.dispose()
        self.lines: dict[tuple, int] = {}
        self.duplicate_keys: list[tuple] = []
        if node is not None:
            self._index(node, ())

    def _index(self, node, path: tuple) -> None:
        self.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            seen = set()
            for key_node, value_node in node.value:
                key = str(key_node.value)
                if key in seen:
                    self.duplicate_keys.append(path + (key,))
                seen.add(key)
                self.lines[path + (key,)] = key_node.start_mark.line + 1
                self._index(value_node, path + (key,))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                self._index(item, path + (index,))

    def problem(self, path: tuple, message: str) -> Problem:
        known = path
        while known and known not in self.lines:
            known = known[:-1]
        return Problem(self.lines.get(known, 1), _dotted(path), message)


@dataclass
class _Plan:
    label: str
    client_ids: tuple[str, ...]
    secret: str
    serializer: ApplicatieSerializer
    creates: bool
    applicatie_changed: bool
    stale_secrets: list[str]

    def apply(self) -> None:
        if self.applicatie_changed:
            self.serializer.save()
        for client_id in self.stale_secrets:
            JWTSecret.objects.update_or_create(identifier=client_id, defaults={"secret": self.secret})

    @property
    def outcome(self) -> Outcome:
        if self.creates:
            status = "created"
        elif self.applicatie_changed or self.stale_secrets:
            status = "updated"
        else:
            status = "unchanged"
        return Outcome(label=self.label, client_ids=self.client_ids, status=status)


def _autorisatie_key(values: dict) -> tuple:
    return (values["component"], tuple(sorted(values["scopes"]))) + tuple(values.get(f) or "" for f in TYPE_FIELDS)


def _state(label, client_ids, heeft_alle_autorisaties, alleen_is_gereed_voor_publicatie, autorisaties) -> tuple:
    return (
        label,
        tuple(client_ids),
        heeft_alle_autorisaties,
        alleen_is_gereed_voor_publicatie,
        sorted(map(_autorisatie_key, autorisaties)),
    )


class _Planner:
    """Checks every entry against the file's rules and the database, then says what to write."""

    def __init__(self, document: _Document):
        self.doc = document
        self.problems = [document.problem(path, "Dubbele sleutel.") for path in document.duplicate_keys]

    def report(self, path: tuple, message: str) -> None:
        self.problems.append(self.doc.problem(path, message))

    def plan(self) -> list[_Plan]:
        data = self.doc.data
        if not isinstance(data, dict) or "applicaties" not in data:
            self.report((), "Het bestand moet een mapping met de sleutel 'applicaties' zijn.")
            raise ProvisioningError(self.problems)
        self._check_fields(data, (), {"applicaties": (_list, "een lijst")}, ("applicaties",))
        entries = data["applicaties"] if isinstance(data["applicaties"], list) else []
        owners: dict[str, int] = {}
        claimed: dict[int, int] = {}
        plans = []
        for index, entry in enumerate(entries):
            path = ("applicaties", index)
            if not self._entry_shape_ok(entry, path):
                continue
            for client_id in entry["client_ids"]:
                owner = owners.setdefault(client_id, index)
                if owner != index:
                    self.report(path + ("client_ids",), f"Client id '{client_id}' staat ook bij applicaties[{owner}].")
            if len(set(entry["client_ids"])) < len(entry["client_ids"]):
                self.report(path + ("client_ids",), "Een client id staat hier meer dan eens.")
            plan = self._plan_entry(entry, path, claimed)
            if plan is not None:
                plans.append(plan)
        if self.problems:
            raise ProvisioningError(sorted(self.problems, key=lambda problem: problem.line))
        return plans

    def _check_fields(self, mapping, path: tuple, fields: dict, required: tuple) -> bool:
        if not isinstance(mapping, dict):
            self.report(path, "Moet een mapping zijn.")
            return False
        before = len(self.problems)
        for key, value in mapping.items():
            name = str(key)
            if name not in fields:
                self.report(path + (name,), f"Onbekend veld; toegestaan: {', '.join(fields)}.")
                continue
            check, expected = fields[name]
            if not check(value):
                self.report(path + (name,), f"Moet {expected} zijn.")
        for key in required:
            if key not in mapping:
                self.report(path + (key,), "Dit veld is verplicht.")
        return len(self.problems) == before

    def _entry_shape_ok(self, entry, path: tuple) -> bool:
        ok = self._check_fields(entry, path, ENTRY_FIELDS, ENTRY_REQUIRED)
        autorisaties = entry.get("autorisaties") if isinstance(entry, dict) else None
        for index, autorisatie in enumerate(autorisaties if isinstance(autorisaties, list) else []):
            item = path + ("autorisaties", index)
            ok = self._check_fields(autorisatie, item, AUTORISATIE_FIELDS, AUTORISATIE_REQUIRED) and ok
        return ok

    def _plan_entry(self, entry: dict, path: tuple, claimed: dict[int, int]) -> _Plan | None:
        client_ids = entry["client_ids"]
        matches = list(
            Applicatie.objects.filter(client_ids__overlap=client_ids)
            .select_related("instellingen")
            .prefetch_related("autorisaties")
        )
        if len(matches) > 1:
            labels = ", ".join(f"'{match.label}'" for match in matches)
            self.report(path + ("client_ids",), f"Deze client ids horen bij verschillende applicaties: {labels}.")
            return None
        match = matches[0] if matches else None
        if match is not None and claimed.setdefault(match.pk, path[1]) != path[1]:
            self.report(path, f"Beschrijft dezelfde applicatie ('{match.label}') als applicaties[{claimed[match.pk]}].")
            return None

        data = {
            "label": entry["label"],
            "client_ids": client_ids,
            "heeft_alle_autorisaties": entry.get("heeft_alle_autorisaties", False),
            "alleen_is_gereed_voor_publicatie": entry.get("alleen_is_gereed_voor_publicatie", False),
            "autorisaties": [{**dict.fromkeys(TYPE_FIELDS, ""), **a} for a in entry.get("autorisaties", [])],
        }
        serializer, problems = applicatie_validate(data=data, instance=match)
        for problem_path, message in problems:
            self.report(path + problem_path, message)
        if problems:
            return None

        wanted = serializer.validated_data
        desired = _state(
            wanted["label"],
            wanted["client_ids"],
            wanted["heeft_alle_autorisaties"],
            wanted["alleen_is_gereed_voor_publicatie"],
            wanted["autorisaties"],
        )
        current = match and _state(
            match.label,
            match.client_ids,
            match.heeft_alle_autorisaties,
            applicatie_alleen_is_gereed_voor_publicatie(match),
            [{"component": a.component, "scopes": a.scopes, **{f: getattr(a, f) for f in TYPE_FIELDS}} for a in match.autorisaties.all()],
        )
        secrets = dict(JWTSecret.objects.filter(identifier__in=client_ids).values_list("identifier", "secret"))
        return _Plan(
            label=entry["label"],
            client_ids=tuple(client_ids),
            secret=entry["secret"],
            serializer=serializer,
            creates=match is None,
            applicatie_changed=current != desired,
            stale_secrets=[c for c in client_ids if secrets.get(c) != entry["secret"]],
        )


def applicaties_provision(*, text: str, dry_run: bool = False) -> list[Outcome]:
    """Create or update the applicaties a provisioning file describes; return what happened to each.

    Raises ProvisioningError (with every problem and its line) when the file is
    not valid; the database is then unchanged. With `dry_run` nothing is written.
    """
    document = _Document(text)
    with transaction.atomic():
        plans = _Planner(document).plan()
        if not dry_run:
            for plan in plans:
                plan.apply()
    return [plan.outcome for plan in plans]
