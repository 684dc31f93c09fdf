"""The HTTP endpoints: /healthz, the verification link, RFC 8058 one-click unsubscribe and the
link to a requester's access pack.

GET never changes anything (mail scanners fetch links before people click them): GET
/verify, GET /unsubscribe and GET /pack show a page whose button POSTs (the pack's POST
answers with the zip, and the download is recorded on the ticket). Bad or expired tokens get a
400 page and change nothing; our own failures get a page without internals. The Slack
channel adds its own routes to the same application.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from aiohttp import web

from bot.channels import pages
from bot.channels.health import PROBES_KEY, HealthProbe, healthz
from bot.desk import Desk
from bot.errors import BotError, VerificationError
from bot.workflow import tokens
from knowledge import KnowledgeBase
from storage.errors import NotFoundError, StorageError

log = logging.getLogger(__name__)

MAX_TOKEN = 2048
ONE_CLICK = "One-Click"


DESK_KEY: web.AppKey[Desk] = web.AppKey("privacybot.desk", Desk)
KB_KEY: web.AppKey[KnowledgeBase] = web.AppKey("privacybot.kb", KnowledgeBase)


def _html(text: str, status: int = 200) -> web.Response:
    return web.Response(text=text, status=status, content_type="text/html", charset="utf-8",
                        headers=pages.SECURITY_HEADERS)


def _detail(result: Any) -> str:
    """One sentence from the desk's result: its ticket reference when it has one."""
    reference = getattr(result, "reference", None) or getattr(result, "ticket_reference", None)
    return f"Your reference is {reference}." if reference else ""


@web.middleware
async def _errors(request: web.Request,
                  handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
                  ) -> web.StreamResponse:
    try:
        return await handler(request)
    except web.HTTPException:
        raise
    except VerificationError as exc:
        return _html(pages.bad_link(_reason(exc)), status=400)
    except NotFoundError:  # a well-signed token for a ticket that is no longer there
        return _html(pages.bad_link("This link is not valid."), status=400)
    except StorageError as exc:
        log.warning("http %s %s: storage unavailable: %s", request.method, request.path, exc)
        return _html(pages.unavailable(), status=503)
    except BotError as exc:
        log.info("http %s %s: refused: %s", request.method, request.path, exc)
        return _html(pages.bad_link("This link cannot be used."), status=400)
    except Exception:
        log.exception("http %s %s: internal error", request.method, request.path)
        return _html(pages.server_error(), status=500)


def _reason(exc: Exception) -> str:
    text = str(exc).lower()
    if "expired" in text:
        return "This link has expired."
    if "too many wrong codes" in text:
        return pages.EXHAUSTED
    if "replaced by a newer one" in text:
        return pages.SUPERSEDED
    if "no longer open" in text:
        return "This request is closed. If you still want us to act, please write to us again."
    if "identity not confirmed" in text:
        return pages.NOT_CONFIRMED
    if "used" in text:
        return "This link has already been used."
    return "This link is not valid."


def _bad_request(reason: str) -> web.HTTPBadRequest:
    return web.HTTPBadRequest(text=pages.bad_link(reason), content_type="text/html",
                              headers=pages.SECURITY_HEADERS)


async def _form(request: web.Request) -> Mapping[str, Any]:
    """The POSTed form; a body that does not parse (a broken multipart, a multipart without
    its boundary) is the client's mistake: a 400 page, not our 500."""
    try:
        return await request.post()
    except ValueError as exc:  # aiohttp's form and multipart readers raise ValueError
        log.info("http %s %s: unreadable form: %s", request.method, request.path,
                 " ".join(str(exc).split())[:200])
        raise _bad_request("This request could not be read.") from exc


async def _token(request: web.Request) -> str:
    """The token from the path, the query string or the form; 400 page when missing or absurd."""
    token = request.match_info.get("token", "") or request.query.get("token", "")
    if request.method == "POST" and not token:
        value = (await _form(request)).get("token", "")
        token = value if isinstance(value, str) else ""
    token = token.strip()
    if not token or len(token) > MAX_TOKEN:
        raise _bad_request("This link is incomplete.")
    if not token.isascii():  # our tokens are base64url; a mangled link is simply not valid
        raise _bad_request("This link is not valid.")
    return token


def _check(request: web.Request, purpose: str, token: str) -> None:
    """Signature and expiry only (pure, no state): a bad link says so before the button."""
    config = request.app[DESK_KEY].config
    tokens.read_token(config.secret, purpose, token, now=config.clock())


async def verify_page(request: web.Request) -> web.Response:
    token = await _token(request)
    _check(request, tokens.PURPOSE_VERIFY, token)
    # Say what confirming means (and what to do if it was not them); a closed request says so.
    pending = await request.app[DESK_KEY].pending_request(token)
    if pending.confirmed:
        return _html(pages.already_confirmed(pending.reference))
    return _html(pages.confirm_verify(token, pending.organisation, pending.intents,
                                      pending.reference))


async def verify_confirm(request: web.Request) -> web.Response:
    token = await _token(request)
    desk = request.app[DESK_KEY]
    # A second press of the button (or of the link) is not an error: it says so, 200.
    pending = await desk.pending_request(token)
    if pending.confirmed:
        return _html(pages.already_confirmed(pending.reference))
    result = await desk.verify_token(token)
    return _html(pages.verified(_detail(result)))


async def unsubscribe_page(request: web.Request) -> web.Response:
    token = await _token(request)
    _check(request, tokens.PURPOSE_UNSUBSCRIBE, token)
    return _html(pages.confirm_unsubscribe(token))


async def unsubscribe_one_click(request: web.Request) -> web.Response:
    token = await _token(request)
    form = await _form(request)
    if form.get("List-Unsubscribe") != ONE_CLICK:
        # RFC 8058: the POST body is "List-Unsubscribe=One-Click"; anything else is not a
        # one-click request and must not unsubscribe anyone.
        return _html(pages.bad_link("This is not a one-click unsubscribe request."), status=400)
    result = await request.app[DESK_KEY].unsubscribe_token(token)
    return _html(pages.unsubscribed(_detail(result)))


async def pack_page(request: web.Request) -> web.Response:
    token = await _token(request)
    _check(request, tokens.PURPOSE_PACK, token)
    link = await request.app[DESK_KEY].pack_link(token)  # refuses an unverified request
    return _html(pages.confirm_pack(token, link.organisation, link.reference))


async def pack_download(request: web.Request) -> web.Response:
    token = await _token(request)
    pack = await request.app[DESK_KEY].download_pack(token, request.app[KB_KEY])
    return web.Response(body=pack.data, content_type="application/zip", headers={
        **pages.SECURITY_HEADERS,
        "Content-Disposition": f"attachment; filename=\"{pack.filename}\""})


def build_http_app(*, desk: Desk, probes: Mapping[str, HealthProbe],
                   kb: KnowledgeBase | None = None) -> web.Application:
    """The aiohttp application; SlackService.mount(app) may add its routes afterwards.
    The access pack's link is served when the knowledge base is given (the pack quotes it)."""
    app = web.Application(middlewares=[_errors], client_max_size=64 * 1024)
    app[DESK_KEY] = desk
    if kb is not None:
        app[KB_KEY] = kb
        for suffix in ("", "/{token}"):
            app.router.add_get(f"/pack{suffix}", pack_page)
            app.router.add_post(f"/pack{suffix}", pack_download)
    app[PROBES_KEY] = dict(probes)
    app.router.add_get("/healthz", healthz)
    # Links carry the token in the path (/verify/<token>, the desk's links) or the query.
    for suffix in ("", "/{token}"):
        app.router.add_get(f"/verify{suffix}", verify_page)
        app.router.add_post(f"/verify{suffix}", verify_confirm)
        app.router.add_get(f"/unsubscribe{suffix}", unsubscribe_page)
        app.router.add_post(f"/unsubscribe{suffix}", unsubscribe_one_click)
    return app
