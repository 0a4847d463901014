"""Cut one folder out of the VNG collection and repair the collection's own defects.

The folders jump into each other at their ends (`setNextRequest` to the next
folder's setUp), so each folder runs as a collection of its own, keeping the
scripts of the folders above it. Four jump targets were renamed in the
collection but kept their test id (e.g. "(zrc-001f) ..."): a missing target
whose id belongs to exactly one request of the folder is pointed at that
request. Targets that were removed stay missing, as they do everywhere.

zrc-007b loops until an index reaches the end of a list that an earlier
failure can leave empty; the guard below skips a request once it has run
GUARD_LIMIT times, so the folder goes on instead of spinning forever.
"""
import copy
import json
import re
from pathlib import Path

GUARD_LIMIT = 50
GUARD_SCRIPT = f"""// openzaak-cmis conformance runner: skip a request that repeats endlessly.
const guardKey = "__conformance_runs_" + pm.info.requestId;
const guardRuns = Number(pm.collectionVariables.get(guardKey) || 0) + 1;
pm.collectionVariables.set(guardKey, guardRuns);
if (guardRuns > {GUARD_LIMIT}) {{
    console.log("conformance guard: skipping " + pm.info.requestName + " after {GUARD_LIMIT} runs");
    pm.execution.skipRequest();
}}"""

JUMP_LIST = re.compile(r'NEXT_REQUEST_NAMES"\s*,\s*\[(.*?)\]', re.S)
JUMP_ONE = re.compile(r'setNextRequest\(\s*"(.*?)"\s*\)')
QUOTED = re.compile(r'"(.*?)"')
TEST_ID = re.compile(r"^\((\w+-\d+\w*)\)")


def load_collection(path: Path) -> dict:
    return json.loads(path.read_text())


def _folder_path(node: dict, name: str) -> list[dict] | None:
    """The chain of folders from `node` down to the folder called `name`."""
    for child in node.get("item", []):
        if "item" not in child:
            continue
        if child["name"] == name:
            return [child]
        below = _folder_path(child, name)
        if below:
            return [child, *below]
    return None


def requests_of(node: dict):
    if "item" in node:
        for child in node["item"]:
            yield from requests_of(child)
    else:
        yield node


def _events_of(node: dict):
    yield from node.get("event", [])
    for child in node.get("item", []):
        yield from _events_of(child)


def _jump_targets(script: str) -> set[str]:
    targets = set(JUMP_ONE.findall(script))
    for listed in JUMP_LIST.findall(script):
        targets.update(QUOTED.findall(listed))
    return targets


def _renamed_targets(folder: dict) -> dict[str, str]:
    """Missing jump targets mapped to the one request of the folder with the same test id."""
    names = {request["name"] for request in requests_of(folder)}
    renamed = {}
    for event in _events_of(folder):
        for target in _jump_targets("\n".join(event["script"].get("exec", []))):
            match = TEST_ID.match(target)
            if target in names or not match:
                continue
            candidates = [name for name in names if name.startswith(f"({match.group(1)})")]
            if len(candidates) == 1:
                renamed[target] = candidates[0]
    return renamed


def _retarget(folder: dict, renamed: dict[str, str]) -> None:
    for event in _events_of(folder):
        lines = event["script"].get("exec", [])
        for index, line in enumerate(lines):
            for old, new in renamed.items():
                line = line.replace(f'"{old}"', json.dumps(new))
            lines[index] = line


def folder_collection(source: dict, name: str) -> tuple[dict, dict[str, str]]:
    """A runnable collection holding only folder `name`, and the jumps it repaired."""
    chain = _folder_path(source, name)
    if chain is None:
        raise KeyError(f"the collection has no folder {name!r}")
    folder = copy.deepcopy(chain[-1])
    renamed = _renamed_targets(folder)
    _retarget(folder, renamed)
    node = folder
    for ancestor in reversed(chain[:-1]):
        node = {"name": ancestor["name"], "event": copy.deepcopy(ancestor.get("event", [])), "item": [node]}
    guard = {"listen": "prerequest", "script": {"type": "text/javascript", "exec": GUARD_SCRIPT.splitlines()}}
    collection = {
        "info": {**source["info"], "name": f"{source['info']['name']}: {name}"},
        "auth": copy.deepcopy(source.get("auth")),
        "event": [guard, *copy.deepcopy(source.get("event", []))],
        "item": [node],
    }
    return collection, renamed
