"""GET /metrics: the service's Prometheus metrics, its gauges read from the store at scrape.

A database that cannot be read does not fail the scrape: the counters are still worth
having, and `privacybot_store_up 0` says the gauges are stale.
"""

from __future__ import annotations

from aiohttp import web

from bot.observability.metrics import CONTENT_TYPE_LATEST, Metrics
from storage import Database

METRICS_KEY: web.AppKey[Metrics] = web.AppKey("privacybot.metrics", Metrics)
METRICS_DB_KEY: web.AppKey[Database] = web.AppKey("privacybot.metrics_db", Database)
ROUTE = "/metrics"


async def metrics_page(request: web.Request) -> web.Response:
    metrics = request.app[METRICS_KEY]
    await metrics.refresh(request.app[METRICS_DB_KEY])
    return web.Response(body=metrics.render(),
                        headers={"Content-Type": CONTENT_TYPE_LATEST,
                                 "Cache-Control": "no-store"})


def mount_metrics(app: web.Application, metrics: Metrics, db: Database) -> None:
    """Add GET /metrics to the HTTP app (before it starts)."""
    app[METRICS_KEY] = metrics
    app[METRICS_DB_KEY] = db
    app.router.add_get(ROUTE, metrics_page)
