"""Web and API entries: each endpoint against a bare view in the same server, and its raw SQL."""

from __future__ import annotations

from bench.harness import Context, Row, entry, load_rows

LORESTAN_COUNTIES = "/api/v1/geo/counties?province=IR-15"


@entry("counties-api", "Counties API (Lorestan) vs a bare JSON view and vs its own SQL")
def counties_api(ctx: Context) -> list[Row]:
    statements = ctx.captured_sql(LORESTAN_COUNTIES)
    bare, api, raw = ctx.measure(
        ctx.get("/bench/bare-json/"),
        ctx.get(LORESTAN_COUNTIES),
        ctx.replay("counties API's SQL, raw cursor", statements),
    )
    raw_label = f"same SQL, raw cursor ({len(statements)} queries)"
    return [
        *load_rows("counties API", api, "bare JSON view", bare),
        *load_rows("counties API", api, raw_label, raw, metrics=("rps", "p95")),
    ]


@entry("home", "Home page vs a bare view and vs its own SQL")
def home_page(ctx: Context) -> list[Row]:
    statements = ctx.captured_sql("/")
    bare, home, raw = ctx.measure(
        ctx.get("/bench/bare/"),
        ctx.get("/"),
        ctx.replay("home page's SQL, raw cursor", statements),
    )
    raw_label = f"same SQL, raw cursor ({len(statements)} queries)"
    return [
        *load_rows("home page", home, "bare view", bare),
        *load_rows("home page", home, raw_label, raw, metrics=("rps", "p95")),
    ]
