import httpx
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from pos_app.demo.server_thread import ServerThread


def test_server_thread_serves_on_a_free_loopback_port_and_stops() -> None:
    app = Starlette(routes=[Route("/", lambda request: PlainTextResponse("hello"))])
    with ServerThread.of(app) as server:
        assert server.url.startswith("http://127.0.0.1:")
        assert httpx.get(server.url).text == "hello"
        url = server.url
    try:
        httpx.get(url, timeout=1)
        reachable = True
    except httpx.TransportError:
        reachable = False
    assert not reachable
