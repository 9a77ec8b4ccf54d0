"""Web and API entries: each endpoint against a bare view in the same server, and its raw SQL."""

from __future__ import annotations

from bench.harness import Context, Row, entry, load_rows

LORESTAN_COUNTIES = "/api/v1/geo/counties?province=IR-15"


@entry("counties-api", "Counties API (Lorestan) vs a bare JSON view and vs its own SQL")
def counties_api(ctx: Context) -> list[Row]:
    statements = ctx.captured_sql(LORESTAN_COUNTIES)
    bare = ctx.http("/bench/bare-json/")
    api = ctx.http(LORESTAN_COUNTIES)
    raw = ctx.sql("counties SQL", statements)
    raw_label = f"same SQL, raw cursor ({len(statements)} queries)"
    return [
        *load_rows("counties API", api, "bare JSON view", bare),
        *load_rows("counties API", api, raw_label, raw, metrics=("rps", "p95")),
    ]


@entry("home", "Home page vs a bare view and vs its own SQL")
def home_page(ctx: Context) -> list[Row]:
    statements = ctx.captured_sql("/")
    bare = ctx.http("/bench/bare/")
    home = ctx.http("/")
    raw = ctx.sql("home SQL", statements)
    raw_label = f"same SQL, raw cursor ({len(statements)} queries)"
    return [
        *load_rows("home page", home, "bare view", bare),
        *load_rows("home page", home, raw_label, raw, metrics=("rps", "p95")),
    ]
