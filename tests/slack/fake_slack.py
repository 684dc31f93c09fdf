"""A recording fake of the Slack Web API on loopback, modelled on bolt-python's own tests.

It answers the methods privacybot calls (auth.test, chat.*, views.*, usergroups.users.list,
and the file upload of `files_upload_v2`: files.getUploadURLExternal hands out an upload URL
on this server, the bytes POSTed there are kept in `uploads`, files.completeUploadExternal
shares them) with the shapes Slack returns, records every call with its parsed arguments, and
lets a test wait until a call shows up. It also serves the bytes of shared files (`add_file`)
at their private URL, to a request bearing the bot token only, as files.slack.com does.
Bound to 127.0.0.1 port 0; point SLACK_API_URL at `base_url`.
"""

from __future__ import annotations

import asyncio
import itertools
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

BOT_USER = "UBOT"


@dataclass
class Call:
    method: str
    args: dict[str, Any]
    token: str = ""


@dataclass
class FakeSlack:
    """Start with `await fake.start()`; `fake.calls` holds every Web API call in order."""

    usergroups: dict[str, list[str]] = field(default_factory=dict)
    calls: list[Call] = field(default_factory=list)
    failing: dict[str, str] = field(default_factory=dict)  # method -> error it answers
    _ts: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _runner: web.AppRunner | None = None
    _changed: asyncio.Event = field(default_factory=asyncio.Event)
    port: int = 0
    sockets: list[web.WebSocketResponse] = field(default_factory=list)
    acks: list[dict[str, Any]] = field(default_factory=list)
    refuse_sockets: bool = False  # Slack's WebSocket endpoint is away
    uploads: dict[str, bytes] = field(default_factory=dict)  # file id -> the bytes sent
    _files: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)  # id -> (name, bytes)
    token: str = "xoxb-test"  # the bot token a file download must bear

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/"

    @property
    def response_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/response"

    async def start(self) -> FakeSlack:
        app = web.Application()
        app.router.add_route("*", "/api/{method}", self._api)
        app.router.add_post("/response", self._response)
        app.router.add_get("/socket", self._socket)
        app.router.add_post("/upload/{file_id}", self._upload)
        app.router.add_get("/files-pri/{id}/{name}", self._file)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None
        self.port = server.sockets[0].getsockname()[1]  # type: ignore[attr-defined]
        return self

    async def stop(self) -> None:
        for ws in self.sockets:
            await ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    # -- Socket Mode: apps.connections.open hands out ws://.../socket --------------------

    async def push(self, envelope: dict[str, Any]) -> None:
        """Send a Socket Mode envelope (events_api, slash_commands...) to connected apps."""
        for ws in list(self.sockets):
            if not ws.closed:
                await ws.send_str(json.dumps(envelope))

    async def _socket(self, request: web.Request) -> web.StreamResponse:
        if self.refuse_sockets:
            return web.Response(status=503)
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        self.sockets.append(ws)
        self._changed.set()
        await ws.send_str(json.dumps({"type": "hello", "num_connections": 1}))
        async for message in ws:
            if message.type == WSMsgType.TEXT:
                self.acks.append(json.loads(message.data))
                self._changed.set()
        return ws

    async def wait_until(self, check: Callable[[], bool], within: float = 5.0) -> None:
        async def until() -> None:
            while not check():
                self._changed.clear()
                await self._changed.wait()
        await asyncio.wait_for(until(), within)

    # -- what tests look at -------------------------------------------------------------

    def of(self, method: str) -> list[Call]:
        return [call for call in self.calls if call.method == method]

    def clear(self) -> None:
        self.calls.clear()

    async def wait_for(self, method: str, count: int = 1, within: float = 5.0,
                       where: Callable[[Call], bool] | None = None) -> list[Call]:
        """Wait until `count` calls of `method` (matching `where`) were made; return them."""
        async def until() -> list[Call]:
            while True:
                found = [c for c in self.of(method) if where is None or where(c)]
                if len(found) >= count:
                    return found
                self._changed.clear()
                await self._changed.wait()
        try:
            return await asyncio.wait_for(until(), within)
        except TimeoutError:
            seen = [c.method for c in self.calls]
            raise AssertionError(f"no {count}x {method} within {within}s; saw {seen}") from None

    # -- shared files: the `files` of a message event, and their bytes ------------------

    def add_file(self, file_id: str, name: str, data: bytes,
                 mimetype: str = "application/pdf") -> dict[str, Any]:
        """Hold a file's bytes; returns the file object a message event carries."""
        self.files[file_id] = (name, data)
        url = f"http://127.0.0.1:{self.port}/files-pri/{file_id}/{name}"
        return {"id": file_id, "name": name, "mimetype": mimetype, "size": len(data),
                "url_private": url, "url_private_download": url + "?download=1"}

    async def _file(self, request: web.Request) -> web.Response:
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        file_id = request.match_info["id"]
        self._record("file.download", {"id": file_id}, token)
        if token != self.token:  # Slack answers its login page; a test wants it plain
            return web.Response(status=403, text="not authorised")
        if file_id not in self.files:
            return web.Response(status=404, text="no such file")
        return web.Response(body=self.files[file_id][1], content_type="application/pdf")

    # -- the fake API -------------------------------------------------------------------

    async def _args(self, request: web.Request) -> dict[str, Any]:
        args: dict[str, Any] = dict(request.query)
        if request.can_read_body:
            if request.content_type == "application/json":
                args.update(await request.json())
            else:
                args.update(dict(await request.post()))
        for key in ("blocks", "view", "attachments"):
            if isinstance(args.get(key), str):
                args[key] = json.loads(args[key])
        return args

    def _record(self, method: str, args: dict[str, Any], token: str) -> None:
        self.calls.append(Call(method, args, token))
        self._changed.set()

    async def _response(self, request: web.Request) -> web.Response:
        self._record("response_url", await request.json(), "")
        return web.Response(text="ok")

    async def _upload(self, request: web.Request) -> web.Response:
        """Step 2 of an upload: the file's bytes, POSTed to the URL handed out in step 1."""
        file_id = request.match_info["file_id"]
        if file_id not in self.uploads:
            return web.Response(status=404, text="no such upload")
        self.uploads[file_id] = await request.read()
        self._record("upload", {"file_id": file_id, "length": len(self.uploads[file_id])}, "")
        return web.Response(text=f"OK - {len(self.uploads[file_id])}")

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        args = await self._args(request)
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        self._record(method, args, token)
        if method in self.failing:
            return web.json_response({"ok": False, "error": self.failing[method]})
        return web.json_response(self._answer(method, args))

    def _answer(self, method: str, args: dict[str, Any]) -> dict[str, Any]:
        ts = f"1700000000.{next(self._ts):06d}"
        channel = args.get("channel", "")
        if method == "auth.test":
            return {"ok": True, "url": "https://example.slack.com/", "team": "Example",
                    "user": "privacybot", "team_id": "T0001", "user_id": BOT_USER,
                    "bot_id": "BBOT", "is_enterprise_install": False}
        if method == "chat.postMessage":
            return {"ok": True, "channel": channel, "ts": ts,
                    "message": {"text": args.get("text", ""), "ts": ts}}
        if method == "chat.update":
            return {"ok": True, "channel": channel, "ts": args.get("ts", ts)}
        if method == "chat.postEphemeral":
            return {"ok": True, "message_ts": ts}
        if method in ("views.open", "views.publish", "views.update"):
            return {"ok": True, "view": {"id": f"V{ts[-6:]}", **args.get("view", {})}}
        if method == "files.getUploadURLExternal":
            if not args.get("filename") or not str(args.get("length", "")).isdigit():
                return {"ok": False, "error": "invalid_arguments"}
            file_id = f"F{next(self._files):08d}"
            self.uploads[file_id] = b""
            return {"ok": True, "file_id": file_id,
                    "upload_url": f"http://127.0.0.1:{self.port}/upload/{file_id}"}
        if method == "files.completeUploadExternal":
            files = args.get("files")
            listed = json.loads(files) if isinstance(files, str) else files or []
            if not listed or any(f.get("id") not in self.uploads or not self.uploads[f["id"]]
                                 for f in listed):
                return {"ok": False, "error": "file_not_found"}
            return {"ok": True, "files": [{"id": f["id"], "title": f.get("title") or "",
                                           "size": len(self.uploads[f["id"]])}
                                          for f in listed]}
        if method == "apps.connections.open":
            return {"ok": True, "url": f"ws://127.0.0.1:{self.port}/socket"}
        if method == "usergroups.users.list":
            users = self.usergroups.get(str(args.get("usergroup", "")))
            if users is None:
                return {"ok": False, "error": "no_such_subteam"}
            return {"ok": True, "users": users}
        return {"ok": True}
