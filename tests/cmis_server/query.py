"""A CMIS-QL subset (CMIS.md §4.3): parsing, checking against the type registry, and row matching.

Supported: ``SELECT * | col [AS alias], ... FROM <queryName> [alias] [WHERE ...] [ORDER BY col
[ASC|DESC], ...]`` with ``= <> < <= > >=``, ``[NOT] IN``, ``ANY col [NOT] IN``, ``literal = ANY col``,
``[NOT] LIKE``, ``IS [NOT] NULL``, ``IN_FOLDER``, ``IN_TREE``, ``AND``/``OR``/``NOT`` and parentheses;
literals are strings (``\\'`` escapes), numbers, TRUE/FALSE and ``TIMESTAMP '…'``. Anything else
(JOIN, CONTAINS, SCORE, a non-queryable or unknown property, a literal of the wrong type) is a 400,
so an unsupported query fails loudly in tests. Matching uses SQL's three-valued logic.
"""
import operator
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .errors import InvalidArgument
from .typedefs import TypeRegistry
from .values import epoch_ms

Row = dict[str, Any]
Predicate = Callable[[Row, "Context"], bool | None]

TOKEN = re.compile(
    r"\s*(?:(?P<string>'(?:[^'\\]|\\.)*')|(?P<number>-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)"
    r"|(?P<name>[A-Za-z_][A-Za-z0-9_:]*)|(?P<symbol><=|>=|<>|[=<>(),*.]))"
)
KEYWORDS = {
    "SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IN", "LIKE", "IS", "NULL", "ANY", "ORDER", "BY",
    "ASC", "DESC", "TIMESTAMP", "TRUE", "FALSE", "AS", "JOIN", "INNER", "LEFT", "CONTAINS", "SCORE",
    "IN_FOLDER", "IN_TREE",
}
COMPARISONS = {
    "=": operator.eq, "<>": operator.ne, "<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge,
}
LITERAL_KIND = {"string": "string", "id": "string", "uri": "string", "html": "string", "integer": "number",
                "decimal": "number", "boolean": "boolean", "datetime": "timestamp"}


@dataclass
class Context:
    """What matching needs beyond the row: folder ancestry for IN_TREE."""

    in_tree: Callable[[list[str], str], bool]


@dataclass
class Query:
    type: dict[str, Any]
    columns: list[tuple[str, dict[str, Any]]]  # (result key, property definition)
    where: Predicate
    order: list[tuple[str, bool]]  # (property id, descending)


def _and(left: bool | None, right: bool | None) -> bool | None:
    if left is False or right is False:
        return False
    return None if left is None or right is None else True


def _or(left: bool | None, right: bool | None) -> bool | None:
    if left is True or right is True:
        return True
    return None if left is None or right is None else False


def _not(value: bool | None) -> bool | None:
    return None if value is None else not value


def _unescape(raw: str) -> str:
    return re.sub(r"\\(.)", r"\1", raw[1:-1])


def _like(raw: str) -> re.Pattern:
    parts, body, i = [], raw[1:-1], 0
    while i < len(body):
        char = body[i]
        if char == "\\" and i + 1 < len(body):
            parts.append(re.escape(body[i + 1]))
            i += 2
            continue
        parts.append(".*" if char == "%" else "." if char == "_" else re.escape(char))
        i += 1
    return re.compile("".join(parts), re.DOTALL)


class Parser:
    def __init__(self, statement: str, registry: TypeRegistry):
        self.registry = registry
        self.tokens: list[tuple[str, str]] = []
        position = 0
        statement = statement.rstrip()
        while position < len(statement):
            match = TOKEN.match(statement, position)
            if match is None or match.end() == position:
                raise InvalidArgument(f"Query syntax error at: {statement[position:position + 30]!r}")
            kind = match.lastgroup
            text = match.group(kind)
            if kind == "name" and text.upper() in KEYWORDS:
                kind, text = "keyword", text.upper()
            self.tokens.append((kind, text))
            position = match.end()
        self.position = 0

    # token helpers
    def _peek(self, offset: int = 0) -> tuple[str, str]:
        index = self.position + offset
        return self.tokens[index] if index < len(self.tokens) else ("end", "")

    def _accept(self, *texts: str) -> str | None:
        kind, text = self._peek()
        if kind in ("keyword", "symbol") and text in texts:
            self.position += 1
            return text
        return None

    def _expect(self, *texts: str) -> str:
        found = self._accept(*texts)
        if found is None:
            raise InvalidArgument(f"Query syntax error: expected {' or '.join(texts)}, found {self._peek()[1]!r}")
        return found

    def _take(self, kind: str) -> str:
        found_kind, text = self._peek()
        if found_kind != kind:
            raise InvalidArgument(f"Query syntax error: expected a {kind}, found {text!r}")
        self.position += 1
        return text

    # grammar
    def parse(self) -> Query:
        self._expect("SELECT")
        selected = None if self._accept("*") else self._select_list()
        self._expect("FROM")
        type_name = self._take("name")
        type_def = self.registry.by_query_name(type_name)
        if type_def is None or type_def["baseId"] in ("cmis:secondary", "cmis:policy") or not type_def["queryable"]:
            raise InvalidArgument(f"Type '{type_name}' is unknown or not queryable")
        self.type = type_def
        self.aliases = {type_name}
        self._accept("AS")
        if self._peek()[0] == "name":
            self.aliases.add(self._take("name"))
        if self._peek()[1] in ("JOIN", "INNER", "LEFT"):
            raise InvalidArgument("JOIN is not supported")
        self.properties = {d["queryName"]: d for d in self.registry.properties(type_def["id"]).values()}
        if selected is None:
            columns = [(d["queryName"], d) for d in self.properties.values()]
        else:
            columns = [(alias or ref, self._resolve(qualifier, ref)) for qualifier, ref, alias in selected]
        where = self._disjunction() if self._accept("WHERE") else (lambda row, ctx: True)
        order = []
        if self._accept("ORDER"):
            self._expect("BY")
            while True:
                definition = self._column(queryable=False)
                if not definition["orderable"] or definition["cardinality"] != "single":
                    raise InvalidArgument(f"Property {definition['id']} is not orderable")
                order.append((definition["id"], self._accept("ASC", "DESC") == "DESC"))
                if not self._accept(","):
                    break
        if self._peek()[0] != "end":
            raise InvalidArgument(f"Query syntax error near {self._peek()[1]!r}")
        return Query(type_def, columns, where, order)

    def _select_list(self) -> list[tuple[str | None, str, str | None]]:
        selected = []
        while True:
            qualifier, ref = self._reference()
            alias = self._take("name") if self._accept("AS") else None
            selected.append((qualifier, ref, alias))
            if not self._accept(","):
                return selected

    def _reference(self) -> tuple[str | None, str]:
        if self._peek()[1] in ("SCORE", "CONTAINS"):
            raise InvalidArgument(f"{self._peek()[1]} is not supported")
        first = self._take("name")
        if self._accept("."):
            return first, self._take("name")
        return None, first

    def _resolve(self, qualifier: str | None, ref: str) -> dict[str, Any]:
        if qualifier is not None and qualifier not in self.aliases:
            raise InvalidArgument(f"Unknown qualifier {qualifier!r}")
        if ref not in self.properties:
            raise InvalidArgument(f"Property '{ref}' is not a property of {self.type['queryName']}")
        return self.properties[ref]

    def _column(self, *, queryable: bool = True) -> dict[str, Any]:
        definition = self._resolve(*self._reference())
        if queryable and not definition["queryable"]:
            raise InvalidArgument(f"Property {definition['id']} is not queryable")
        return definition

    def _disjunction(self) -> Predicate:
        left = self._conjunction()
        while self._accept("OR"):
            left = (lambda a, b: lambda row, ctx: _or(a(row, ctx), b(row, ctx)))(left, self._conjunction())
        return left

    def _conjunction(self) -> Predicate:
        left = self._negation()
        while self._accept("AND"):
            left = (lambda a, b: lambda row, ctx: _and(a(row, ctx), b(row, ctx)))(left, self._negation())
        return left

    def _negation(self) -> Predicate:
        if self._accept("NOT"):
            inner = self._negation()
            return lambda row, ctx: _not(inner(row, ctx))
        if self._accept("("):
            inner = self._disjunction()
            self._expect(")")
            return inner
        return self._predicate()

    def _raw_literal(self) -> tuple[str, Any]:
        kind, text = self._peek()
        self.position += 1
        if kind == "string":
            return "string", _unescape(text)
        if kind == "number":
            return "number", float(text) if any(c in text for c in ".eE") else int(text)
        if text in ("TRUE", "FALSE"):
            return "boolean", text == "TRUE"
        if text == "TIMESTAMP":
            return "timestamp", epoch_ms(_unescape(self._take("string")))
        raise InvalidArgument(f"Query syntax error: expected a literal, found {text!r}")

    @staticmethod
    def _fit(definition: dict[str, Any], kind: str) -> None:
        if LITERAL_KIND[definition["propertyType"]] != kind:
            raise InvalidArgument(
                f"Property {definition['id']} is {definition['propertyType']}; a {kind} literal does not fit")

    def _literal(self, definition: dict[str, Any]) -> Any:
        kind, value = self._raw_literal()
        self._fit(definition, kind)
        return value

    def _literal_list(self, definition: dict[str, Any]) -> set:
        self._expect("(")
        values = {self._literal(definition)}
        while self._accept(","):
            values.add(self._literal(definition))
        self._expect(")")
        return values

    def _predicate(self) -> Predicate:
        kind, text = self._peek()
        if text in ("IN_FOLDER", "IN_TREE"):
            self.position += 1
            self._expect("(")
            if self._peek()[0] == "name":
                qualifier = self._take("name")
                if qualifier not in self.aliases:
                    raise InvalidArgument(f"Unknown qualifier {qualifier!r}")
                self._expect(",")
            folder_id = _unescape(self._take("string"))
            self._expect(")")
            if text == "IN_FOLDER":
                return lambda row, ctx: folder_id in row["_parents"]
            return lambda row, ctx: ctx.in_tree(row["_parents"], folder_id)
        if text in ("CONTAINS", "SCORE"):
            raise InvalidArgument(f"{text} is not supported")
        if text == "ANY":
            self.position += 1
            definition = self._multi_column()
            negate = bool(self._accept("NOT"))
            self._expect("IN")
            values = self._literal_list(definition)
            if negate:
                return lambda row, ctx: any(v not in values for v in row.get(definition["id"]) or ())
            return lambda row, ctx: any(v in values for v in row.get(definition["id"]) or ())
        if kind != "name":
            literal_kind, value = self._raw_literal()
            self._expect("=")
            self._expect("ANY")
            definition = self._multi_column()
            self._fit(definition, literal_kind)
            return lambda row, ctx: value in (row.get(definition["id"]) or ())
        definition = self._column()
        pid = definition["id"]
        if self._accept("IS"):
            negate = bool(self._accept("NOT"))
            self._expect("NULL")
            return lambda row, ctx: (row.get(pid) in (None, [])) != negate
        if definition["cardinality"] == "multi":
            raise InvalidArgument(f"Property {pid} is multi-valued; use ANY")
        negate = bool(self._accept("NOT"))
        if self._accept("IN"):
            values = self._literal_list(definition)
            return lambda row, ctx: None if row.get(pid) is None else (row[pid] in values) != negate
        if self._accept("LIKE"):
            if LITERAL_KIND[definition["propertyType"]] != "string":
                raise InvalidArgument(f"LIKE needs a string property, {pid} is {definition['propertyType']}")
            pattern = _like(self._take("string"))
            return lambda row, ctx: None if row.get(pid) is None else bool(pattern.fullmatch(row[pid])) != negate
        if negate:
            raise InvalidArgument("NOT must be followed by IN or LIKE here")
        symbol = self._expect(*COMPARISONS)
        if definition["propertyType"] == "boolean" and symbol not in ("=", "<>"):
            raise InvalidArgument(f"Boolean property {pid} only supports = and <>")
        compare, value = COMPARISONS[symbol], self._literal(definition)
        return lambda row, ctx: None if row.get(pid) is None else compare(row[pid], value)

    def _multi_column(self) -> dict[str, Any]:
        definition = self._column()
        if definition["cardinality"] != "multi":
            raise InvalidArgument(f"ANY needs a multi-valued property, {definition['id']} is single-valued")
        return definition


def parse(statement: str, registry: TypeRegistry) -> Query:
    if not statement or not statement.strip():
        raise InvalidArgument("Statement must be set!")
    return Parser(statement, registry).parse()


def sort_rows(rows: list[Row], order: list[tuple[str, bool]]) -> list[Row]:
    """Order rows like SQL (NULLs lowest); without ORDER BY, by creation date then id for stable paging."""
    keys = order or [("cmis:creationDate", False), ("cmis:objectId", False)]
    for pid, descending in reversed(keys):
        rows = sorted(rows, key=lambda row: (0, 0) if row.get(pid) is None else (1, row[pid]), reverse=descending)
    return rows
