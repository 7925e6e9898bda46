"""``jamsostek-regs serve``: the drafter's workbench in the browser, on this computer."""

from __future__ import annotations

import click

from jamsostek_regs.cli._app import command, say
from jamsostek_regs.workspace import Workspace

#: Addresses that only this computer can reach.
LOCAL = ("127.0.0.1", "localhost", "::1")


@command(writes=True, example="jamsostek-regs serve --port 8080")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on."
)
@click.pass_obj
def serve(workspace: Workspace, host: str, port: int) -> None:
    """Open the workbench: the region form with a live preview, diffs and downloads.

    It listens on this computer only (127.0.0.1) unless --host names another address; stop
    it with Ctrl-C.
    """
    import socket

    import uvicorn

    from jamsostek_regs.app.editing import preload
    from jamsostek_regs.errors import OutputError
    from jamsostek_regs.web import create_app

    preload(workspace)  # the first preview then costs no more than the next
    hosts = tuple(dict.fromkeys((host, "127.0.0.1", "localhost")))
    config = uvicorn.Config(create_app(workspace, hosts), host=host, port=port, log_level="warning")
    server = uvicorn.Server(config)
    try:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        listening = socket.create_server((host, port), family=family)
    except OSError as exc:
        raise OutputError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    if host not in LOCAL:
        say(
            f"warning: listening on {host}: other computers on the network can open and change "
            "the region files; use the default 127.0.0.1 unless you mean that",
            err=True,
            fg="yellow",
        )
    shown = f"[{host}]" if ":" in host else host
    say(f"Meja kerja Perkada: http://{shown}:{port}/  (Ctrl-C to stop)")
    server.run(sockets=[listening])
