#!/usr/bin/python3
"""Prints the notifications OpenStack publishes on the realstack broker, then counts per event type.

Usage: REALSTACK_TRANSPORT_URL=rabbit://... /usr/bin/python3 listen.py [--seconds N] [--quiet]
(`scripts/realstack listen [SECONDS]` runs it with the URL of the stack's broker.)

Binds a queue of its own (exclusive, gone when this program ends) to the exchanges the services publish
on (REALSTACK.md "Notifications"): nova (versioned_notifications.*), openstack (cinder: notifications.*)
and heat (notifications.*). Each message is an oslo.messaging v2 envelope whose "oslo.message" holds the
notification as a JSON string. Exit status 1 when nothing arrived.
"""
import argparse
import collections
import json
import os
import sys
import time

import pika

BINDINGS = [("nova", "versioned_notifications.*"), ("openstack", "notifications.*"), ("heat", "notifications.*")]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30.0, help="how long to listen (default 30)")
    parser.add_argument("--quiet", action="store_true", help="print only the counts")
    return parser.parse_args()


def open_channel(url):
    # oslo's "rabbit://" is AMQP 0-9-1; pika wants "amqp://" and an explicit vhost ("/" is %2F).
    amqp_url = "amqp://" + url.split("://", 1)[1].rstrip("/") + "/%2F"
    connection = pika.BlockingConnection(pika.URLParameters(amqp_url))
    return connection, connection.channel()


def main():
    args = parse_args()
    url = os.environ.get("REALSTACK_TRANSPORT_URL")
    if not url:
        sys.exit("REALSTACK_TRANSPORT_URL is not set (eval \"$(scripts/realstack env)\")")
    connection, channel = open_channel(url)
    queue = channel.queue_declare(queue="", exclusive=True, auto_delete=True).method.queue
    for exchange, key in BINDINGS:
        # Same properties as oslo.messaging's declaration (topic, not durable), so both may declare it.
        channel.exchange_declare(exchange=exchange, exchange_type="topic", durable=False)
        channel.queue_bind(queue=queue, exchange=exchange, routing_key=key)
    counts = collections.Counter()

    def on_message(_channel, method, _properties, body):
        envelope = json.loads(body)
        message = json.loads(envelope["oslo.message"]) if "oslo.message" in envelope else envelope
        event = message.get("event_type", "?")
        counts[(method.exchange, event)] += 1
        if not args.quiet:
            print("%s %s %s" % (method.exchange, event, message.get("publisher_id", "?")), flush=True)

    channel.basic_consume(queue=queue, on_message_callback=on_message, auto_ack=True)
    deadline = time.monotonic() + args.seconds
    while time.monotonic() < deadline:
        connection.process_data_events(time_limit=min(1.0, max(0.0, deadline - time.monotonic())))
    connection.close()
    print("counts (exchange event_type count):")
    for (exchange, event), count in sorted(counts.items()):
        print("  %-10s %-45s %d" % (exchange, event, count))
    return 0 if counts else 1


if __name__ == "__main__":
    sys.exit(main())
