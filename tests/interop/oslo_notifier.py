#!/usr/bin/python3
"""Publishes OpenStack-style notifications with a real oslo.messaging Notifier, for the interop tests.

Run it with Debian's /usr/bin/python3 (python3-oslo.messaging 14), not pyenv's python3:

    echo '{"exchange": "nova", "topic": "versioned_notifications",
           "publisher_id": "nova-compute:host1", "event_type": "instance.update",
           "payload": {"nova_object.name": "InstanceUpdatePayload"}}' |
        /usr/bin/python3 tests/interop/oslo_notifier.py --url rabbit://guest:guest@127.0.0.1:5682/

Reads one JSON object per line on stdin: {"exchange"?, "topic", "publisher_id", "event_type",
"payload", "priority"?}. "exchange" defaults to --exchange (default "openstack", oslo's own default
control_exchange, as cinder uses); "priority" defaults to "info". Each is sent with
Notifier(driver="messagingv2", topics=[topic]), i.e. to routing key "<topic>.<priority>" on that
exchange (type topic). As oslo's notifier does, the driver also declares a queue named after the
routing key, bound to it, so nothing is lost before a consumer exists.

Prints "sent N" on stderr at the end; exits 1 on the first failure (retry=3 per message; oslo's
notifier only logs a failed send, so an ERROR logged by oslo_messaging counts as a failure).
"""
import argparse
import json
import logging
import sys

from oslo_config import cfg
import oslo_messaging


class ErrorCounter(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.ERROR)
        self.errors = 0

    def emit(self, record):
        self.errors += 1


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", required=True, help="oslo transport URL (rabbit://...)")
    parser.add_argument("--exchange", default="openstack", help="default control_exchange")
    args = parser.parse_args()
    cfg.CONF([], project="synchronizer-interop")
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    errors = ErrorCounter()
    logging.getLogger("oslo_messaging").addHandler(errors)

    # The exchange of a notifier is the transport's control_exchange, read when the transport is
    # created: one transport per exchange, each created right after setting that default.
    transports = {}

    def transport_for(exchange):
        if exchange not in transports:
            oslo_messaging.set_transport_defaults(control_exchange=exchange)
            transports[exchange] = oslo_messaging.get_notification_transport(cfg.CONF, url=args.url)
        return transports[exchange]

    sent = lineno = 0
    try:
        for lineno, line in enumerate(sys.stdin, 1):
            if not line.strip():
                continue
            msg = json.loads(line)
            notifier = oslo_messaging.Notifier(
                transport_for(msg.get("exchange") or args.exchange),
                publisher_id=msg["publisher_id"], driver="messagingv2",
                topics=[msg["topic"]], retry=3)
            priority = msg.get("priority", "info").lower()
            getattr(notifier, priority)({}, msg["event_type"], msg["payload"])
            if errors.errors:
                raise RuntimeError("oslo.messaging could not send it (see the log above)")
            sent += 1
    except Exception as exc:  # report the line, keep the traceback short
        sys.stderr.write("line %d: %s: %s\n" % (lineno, type(exc).__name__, exc))
        return 1
    finally:
        for transport in transports.values():
            transport.cleanup()
        sys.stderr.write("sent %d\n" % sent)
    return 0


if __name__ == "__main__":
    sys.exit(main())
