"""Template tags for the PDF summary, which must carry its styles inline (nothing is fetched)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from django import template
from django.contrib.staticfiles import finders
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@cache
def _read(path: str) -> str:
    found = finders.find(path)
    if not found:
        raise template.TemplateSyntaxError(f"no static file {path!r}")
    return Path(str(found)).read_text(encoding="utf-8")


@register.simple_tag
def inline_css(path: str) -> SafeString:
    # Our own stylesheet, written by us; `</style` cannot occur in it, so it is safe inline.
    return mark_safe(_read(path).replace("</style", ""))  # noqa: S308
