"""The battery's one case shape, the roles it tries and the shorthands its tables are made of.

A `Case` is one request: a page (named by its URL name) or an API operation (named by its
operation id), a method, the URL as the world makes it, and what each role must get. An
entry in a table is one line: `page(...)` or `op(...)` with a shorthand for who gets what
(`hidden(owner=200)`, `api(owner=200, client=403)`), the objects its URL names (setups from
tests/battery/setups.py) and, for a change, a check of what it leaves behind.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from django.db.models import Model
from django.urls import reverse

from tests.battery.world import Ctx

# Who the pages are tried as; the API also tries the coached client after the engagement is
# concluded ("concluded").
ROLES = ("owner", "colleague", "outsider", "client", "other_client", "solo", "anonymous")
API_ROLES = (*ROLES, "concluded")

Pick = Callable[[Ctx], Any]  # an object (its pk goes in the URL) or a value, from the world
Check = Callable[[Ctx], bool]


def _no_data(c: Ctx) -> dict[str, Any]:
    return {}


@dataclass(frozen=True)
class Case:
    name: str  # the URL name of a page, or the operation id of an API operation
    label: str  # which one of several of the same name: "coached", "self-guided", ...
    method: str  # "get", "post", "put", "patch" or "delete"
    url: Callable[[Ctx], str]
    expected: Mapping[str, int]
    data: Callable[[Ctx], dict[str, Any]] = field(default=_no_data)
    # What a permitted change leaves behind. Checked after every request of the case: it must
    # be true exactly for the roles in `acts` (by default, those answered 2xx, or 3xx but not
    # anonymous, whose 302 is the login redirect).
    changed: Check | None = None
    acts: frozenset[str] | None = None

    def __str__(self) -> str:
        return f"{self.name}[{self.label}]"

    def acting_roles(self) -> frozenset[str]:
        if self.acts is not None:
            return self.acts
        return frozenset(r for r, s in self.expected.items() if s < 400 and r != "anonymous")


# --- who gets what -----------------------------------------------------------------------------


def hidden(**visible: int) -> dict[str, int]:
    """A page: everyone not named gets 404; anonymous visitors are sent to log in."""
    return {**dict.fromkeys(ROLES, 404), "anonymous": 302, **visible}


def everyone(status: int) -> dict[str, int]:
    return dict.fromkeys(ROLES, status)


def signed_in(status: int) -> dict[str, int]:
    """A page everyone has of their own (or may read): anonymous visitors log in first."""
    return {**everyone(status), "anonymous": 302}


def coaches_of_practice(status: int) -> dict[str, int]:
    """A practice's own models: its coaches may; other practices and non-coaches see nothing."""
    return hidden(owner=status, colleague=status)


def any_coach(status: int) -> dict[str, int]:
    """Built-in models: every coach sees them; people who do not coach get 404."""
    return hidden(owner=status, colleague=status, outsider=status)


def api(**visible: int) -> dict[str, int]:
    """An operation: everyone not named gets 404, as for an id that does not exist; anonymous
    callers 401. `concluded` (the coached client once the engagement is concluded) is answered
    as `client` unless named."""
    after = visible.get("client", 404)
    return {**dict.fromkeys(API_ROLES, 404), "anonymous": 401, "concluded": after, **visible}


def api_everyone(status: int, **others: int) -> dict[str, int]:
    """An operation on one's own things (or reference data): every signed-in caller."""
    return {**dict.fromkeys(API_ROLES, status), "anonymous": 401, **others}


# --- what a case leaves behind -----------------------------------------------------------------


def _resolved(c: Ctx, filters: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v(c) if callable(v) else v for k, v in filters.items()}


def exists(model: type[Model], **filters: Any) -> Check:
    """Some `model` matches; a filter's value may be a pick from the world."""
    return lambda c: model._default_manager.filter(**_resolved(c, filters)).exists()


def gone(model: type[Model], **filters: Any) -> Check:
    return lambda c: not model._default_manager.filter(**_resolved(c, filters)).exists()


# --- pages -------------------------------------------------------------------------------------


def _arg(c: Ctx, part: Any) -> Any:
    value = part(c) if callable(part) else part
    return value.pk if isinstance(value, Model) else value


def at(name: str, *parts: Any) -> Callable[[Ctx], str]:
    """The URL of `name`; each part a pick from the world (an object gives its pk) or a value."""
    return lambda c: reverse(name, args=[_arg(c, p) for p in parts])


def _data(data: Mapping[str, Any] | Callable[[Ctx], dict[str, Any]] | None) -> Any:
    if data is None:
        return _no_data
    if callable(data):
        return data
    return lambda c: dict(data)


def page(
    name: str,
    method: str,
    expected: Mapping[str, int],
    *parts: Any,
    label: str = "coached",
    data: Mapping[str, Any] | Callable[[Ctx], dict[str, Any]] | None = None,
    changed: Check | None = None,
    acts: frozenset[str] | None = None,
) -> Case:
    """One page case: the URL is `name` reversed with `parts`."""
    return Case(name, label, method, at(name, *parts), expected, _data(data), changed, acts)


# --- API operations ----------------------------------------------------------------------------


@cache
def operations() -> dict[str, tuple[str, str]]:
    """Every operation of the OpenAPI schema: short operation id -> (method, path)."""
    from headway.api.urls import api as ninja_api

    schema = ninja_api.get_openapi_schema()
    return {
        short(o["operationId"]): (method, path)
        for path, methods in schema["paths"].items()
        for method, o in methods.items()
    }


def short(operation_id: str) -> str:
    return operation_id.removeprefix("headway_api_")


def op(
    operation: str,
    expected: Mapping[str, int],
    *,
    ids: Mapping[str, Pick] | None = None,
    label: str = "coached",
    body: Mapping[str, Any] | Callable[[Ctx], dict[str, Any]] | None = None,
    changed: Check | None = None,
    needs: Pick | None = None,
    query: str = "",
) -> Case:
    """One API case: the path of `operation` with its ids picked by `ids`, else by the
    defaults of tests/battery/setups.py (PARAMS); `needs` makes what the path does not name."""
    method, path = operations()[operation]

    def url(c: Ctx) -> str:
        from tests.battery.setups import PARAMS

        if needs is not None:
            needs(c)
        picks = {**PARAMS, **(ids or {})}
        names = [n.split("}")[0] for n in path.split("{")[1:]]
        filled = path.format(**{n: _arg(c, picks[n]) for n in names})
        return f"{filled}?{query}" if query else filled

    return Case(operation, label, method, url, expected, _data(body), changed)
