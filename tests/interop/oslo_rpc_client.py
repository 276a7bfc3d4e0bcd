#!/usr/bin/python3
"""A real oslo.messaging RPC client, for the interop tests.

Run it with Debian's /usr/bin/python3 (python3-oslo.messaging 14), not pyenv's python3:

    /usr/bin/python3 tests/interop/oslo_rpc_client.py \
        --url rabbit://guest:guest@127.0.0.1:5682/ --exchange synchronizer --topic synchronizer \
        get_all '{"entity_type": "nova.instance", "limit": 2}'

It builds RPCClient(transport, Target(topic=TOPIC, exchange=EXCHANGE, version=VERSION)) and calls
METHOD with the keyword arguments of the JSON object KWARGS (default {}), timeout --timeout seconds.
--server HOST sends to "<topic>.<host>" (prepare(server=HOST)); --fanout sends to the fanout exchange
"<topic>_fanout" (prepare(fanout=True), a cast: oslo cannot call a fanout); --cast casts;
--call-monitor-timeout N asks the server for keep-alives every N/2 s (and fails the call when none
come for N s).

With --stdin, it reads one request per line instead, each a JSON object {"method", "kwargs"?,
"server"?, "fanout"?, "cast"?, "timeout"?, "call_monitor_timeout"?, "version"?, "context"?}, and
answers each on its own line (one process, so oslo is imported once).

Prints one JSON object per request on stdout (flushed):
    {"result": <the method's result>}                        a call that succeeded
    {"sent": true}                                           a cast
    {"error": {"type": "RemoteError", "exc_type": CLASS, "value": MESSAGE}}   the server's failure
    {"error": {"type": "MessagingTimeout", "message": ...}}  no reply in time
    {"error": {"type": OTHER_CLASS, "message": ...}}         anything else oslo raised

Exit status: 0 when every request got a line (whatever it says), 2 on bad arguments, 1 otherwise.
"""
import argparse
import json
import sys

from oslo_config import cfg
import oslo_messaging


def answer(client, request, defaults):
    timeout = request.get("timeout", defaults.timeout)
    options = {"timeout": timeout, "version": request.get("version", defaults.version)}
    monitor = request.get("call_monitor_timeout", defaults.call_monitor_timeout)
    if monitor:
        options["call_monitor_timeout"] = monitor
    if request.get("server") or defaults.server:
        options["server"] = request.get("server") or defaults.server
    fanout = request.get("fanout", defaults.fanout)
    if fanout:
        options["fanout"] = True
    prepared = client.prepare(**options)
    ctxt = request.get("context") or {}
    kwargs = request.get("kwargs") or {}
    try:
        if fanout or request.get("cast", defaults.cast):
            prepared.cast(ctxt, request["method"], **kwargs)
            return {"sent": True}
        return {"result": prepared.call(ctxt, request["method"], **kwargs)}
    except oslo_messaging.RemoteError as exc:
        return {"error": {"type": "RemoteError", "exc_type": exc.exc_type, "value": exc.value}}
    except oslo_messaging.MessagingTimeout as exc:
        return {"error": {"type": "MessagingTimeout", "message": str(exc)}}
    except Exception as exc:  # reported, not raised: the caller asserts on it
        return {"error": {"type": type(exc).__name__, "message": str(exc)}}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", required=True, help="oslo transport URL (rabbit://...)")
    parser.add_argument("--exchange", default="synchronizer")
    parser.add_argument("--topic", default="synchronizer")
    parser.add_argument("--version", default="1.0")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds")
    parser.add_argument("--call-monitor-timeout", type=int, default=None)
    parser.add_argument("--server", default=None)
    parser.add_argument("--fanout", action="store_true")
    parser.add_argument("--cast", action="store_true")
    parser.add_argument("--stdin", action="store_true", help="one JSON request per line")
    parser.add_argument("method", nargs="?")
    parser.add_argument("kwargs", nargs="?", default="{}", help="JSON object")
    args = parser.parse_args()
    if not args.stdin and not args.method:
        parser.error("give METHOD, or --stdin")

    cfg.CONF([], project="synchronizer-interop")
    transport = oslo_messaging.get_rpc_transport(cfg.CONF, url=args.url)
    target = oslo_messaging.Target(topic=args.topic, exchange=args.exchange, version="1.0")
    client = oslo_messaging.get_rpc_client(transport, target)
    try:
        if args.stdin:
            requests = (json.loads(line) for line in sys.stdin if line.strip())
        else:
            requests = [{"method": args.method, "kwargs": json.loads(args.kwargs)}]
        for request in requests:
            sys.stdout.write(json.dumps(answer(client, request, args), sort_keys=True) + "\n")
            sys.stdout.flush()
    finally:
        transport.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
