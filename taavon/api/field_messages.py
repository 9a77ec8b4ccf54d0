"""Persian messages for the field errors pydantic reports when a request does not fit its schema.

django-ninja hands over pydantic's error dicts (``type``, ``loc``, ``msg``, ``ctx``); their
``msg`` is English. The API answers in the active language like the rest of the platform, so
each common error type has a message here, formatted with the error's context (limits, allowed
values). An unknown type falls back to a generic message rather than leaking English.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from taavon.persian import numbers

__all__ = ["field_message"]


def _messages() -> dict[str, str]:
    # Built per call so that gettext sees the active language.
    return {
        "missing": _("این فیلد الزامی است."),
        "string_type": _("باید متن باشد."),
        "string_too_short": _("دست‌کم {min_length} نویسه لازم است."),
        "string_too_long": _("حداکثر {max_length} نویسه مجاز است."),
        "string_pattern_mismatch": _("قالب این مقدار درست نیست."),
        "int_type": _("باید عدد صحیح باشد."),
        "int_parsing": _("باید عدد صحیح باشد."),
        "int_from_float": _("باید عدد صحیح باشد، نه اعشاری."),
        "float_type": _("باید عدد باشد."),
        "float_parsing": _("باید عدد باشد."),
        "decimal_parsing": _("باید عدد باشد."),
        "decimal_type": _("باید عدد باشد."),
        "bool_type": _("باید درست یا نادرست (true/false) باشد."),
        "bool_parsing": _("باید درست یا نادرست (true/false) باشد."),
        "greater_than": _("باید بیشتر از {gt} باشد."),
        "greater_than_equal": _("باید دست‌کم {ge} باشد."),
        "less_than": _("باید کمتر از {lt} باشد."),
        "less_than_equal": _("باید حداکثر {le} باشد."),
        "date_type": _("تاریخ نامعتبر است (قالب YYYY-MM-DD)."),
        "date_parsing": _("تاریخ نامعتبر است (قالب YYYY-MM-DD)."),
        "date_from_datetime_parsing": _("تاریخ نامعتبر است (قالب YYYY-MM-DD)."),
        "date_from_datetime_inexact": _("تاریخ نباید ساعت داشته باشد."),
        "datetime_type": _("زمان نامعتبر است."),
        "datetime_parsing": _("زمان نامعتبر است."),
        "datetime_from_date_parsing": _("زمان نامعتبر است."),
        "enum": _("مقدار مجاز نیست؛ یکی از این‌ها را بفرستید: {expected}"),
        "literal_error": _("مقدار مجاز نیست؛ یکی از این‌ها را بفرستید: {expected}"),
        "list_type": _("باید فهرست باشد."),
        "dict_type": _("باید شیء باشد."),
        "model_type": _("باید شیء باشد."),
        "model_attributes_type": _("باید شیء باشد."),
        "too_short": _("دست‌کم {min_length} مورد لازم است."),
        "too_long": _("حداکثر {max_length} مورد مجاز است."),
        "extra_forbidden": _("این فیلد شناخته نیست."),
        "json_invalid": _("JSON نامعتبر است."),
        "json_type": _("JSON نامعتبر است."),
        "uuid_parsing": _("شناسه نامعتبر است."),
        "uuid_type": _("شناسه نامعتبر است."),
        "url_parsing": _("نشانی نامعتبر است."),
        "value_error": _("مقدار نامعتبر است."),
        "assertion_error": _("مقدار نامعتبر است."),
    }


def _format_value(value: Any) -> str:
    return numbers.digits(str(value))


def field_message(error: Mapping[str, Any]) -> str:
    """The message for one pydantic error dict, in the active language.

    A ``value_error`` raised by our own validators carries its (already Persian) text in
    ``ctx["error"]``; that text is kept as is.
    """
    kind = str(error.get("type") or "")
    ctx: Mapping[str, Any] = error.get("ctx") or {}
    if kind in ("value_error", "assertion_error") and ctx.get("error"):
        own = str(ctx["error"])
        return own if own else _("مقدار نامعتبر است.")
    template = _messages().get(kind)
    if template is None:
        return _("مقدار نامعتبر است.")
    try:
        return template.format(**{k: _format_value(v) for k, v in ctx.items()})
    except (KeyError, IndexError, ValueError):  # a context without the expected limit
        return _("مقدار نامعتبر است.")
