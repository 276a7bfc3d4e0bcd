#!/usr/bin/python3
"""A real oslo.messaging notification listener, for the interop tests.

Run it with Debian's /usr/bin/python3 (python3-oslo.messaging 14), not pyenv's python3:

    /usr/bin/python3 tests/interop/oslo_notification_listener.py \
        --url rabbit://guest:guest@127.0.0.1:5682/ --exchange synchronizer \
        --topic synchronizer.nova.instance --pool interop --count 3 --timeout 60 \
        --ready-file .state/listener.ready

It consumes the INFO notifications of TOPIC on EXCHANGE (routing key "<topic>.info"). With --pool
the queue is named after the pool, so the listener gets its own copy; without it the queue is
"<topic>.info", shared with every other pool-less consumer. --ready-file is touched once the queue
is declared and bound, so that whatever is published afterwards is kept for this listener.

Prints one JSON line per notification on stdout (flushed):
    {"publisher_id", "event_type", "payload", "priority": "INFO", "message_id", "timestamp"}
(message_id and timestamp come from oslo's metadata, when present).

Exit status: 0 after --count notifications (or at --timeout when --count is 0, i.e. unbounded),
3 when --timeout passes before --count notifications (how many arrived goes to stderr),
2 on bad arguments, 1 on other errors.
"""
import argparse
import json
import pathlib
import sys
import threading

from oslo_config import cfg
import oslo_messaging


class Endpoint(object):
    """Only `info` is defined: oslo then declares and consumes the INFO queue only."""

    def __init__(self, count):
        self._count = count
        self._lock = threading.Lock()
        self.received = 0
        self.done = threading.Event()

    def info(self, ctxt, publisher_id, event_type, payload, metadata):
        line = {"publisher_id": publisher_id, "event_type": event_type,
                "payload": payload, "priority": "INFO"}
        for key in ("message_id", "timestamp"):
            if metadata and metadata.get(key) is not None:
                line[key] = metadata[key]
        with self._lock:
            if self._count and self.received >= self._count:
                return oslo_messaging.NotificationResult.REQUEUE
            sys.stdout.write(json.dumps(line, sort_keys=True, default=str) + "\n")
            sys.stdout.flush()
            self.received += 1
            if self._count and self.received >= self._count:
                self.done.set()
        return oslo_messaging.NotificationResult.HANDLED


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", required=True, help="oslo transport URL (rabbit://...)")
    parser.add_argument("--exchange", default="synchronizer")
    parser.add_argument("--topic", required=True, help="e.g. synchronizer.nova.instance")
    parser.add_argument("--pool", default=None, help="listener pool (its own queue)")
    parser.add_argument("--count", type=int, default=0, help="stop after N (0: unbounded)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds")
    parser.add_argument("--ready-file", default=None)
    args = parser.parse_args()

    cfg.CONF([], project="synchronizer-interop")
    transport = oslo_messaging.get_notification_transport(cfg.CONF, url=args.url)
    target = oslo_messaging.Target(exchange=args.exchange, topic=args.topic)
    endpoint = Endpoint(args.count)
    # allow_requeue: a notification beyond --count goes back to the queue instead of being lost.
    listener = oslo_messaging.get_notification_listener(
        transport, [target], [endpoint], executor="threading", pool=args.pool,
        allow_requeue=True)
    listener.start()  # returns once the queue is declared and bound
    if args.ready_file:
        pathlib.Path(args.ready_file).touch()
    finished = endpoint.done.wait(args.timeout)
    listener.stop()
    listener.wait()
    transport.cleanup()
    if args.count and not finished:
        sys.stderr.write("timeout after %s s: got %d of %d notifications\n"
                         % (args.timeout, endpoint.received, args.count))
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main())
