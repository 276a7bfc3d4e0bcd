#!/usr/bin/python3
"""A replica kept by a real oslo.messaging notification listener, for the end-to-end tests.

Run it with Debian's /usr/bin/python3 (python3-oslo.messaging 14), not pyenv's python3:

    /usr/bin/python3 tests/interop/oslo_replica_listener.py \
        --url rabbit://guest:guest@127.0.0.1:5682/ --exchange synchronizer \
        --types nova.instance,cinder.volume,heat.stack --pool e2e \
        --ready-file .state/replica.ready --targets-file .state/replica.targets \
        --output .state/replica.json --timeout 120

It listens to the INFO notifications of every "<prefix>.<type>" topic through one pool of its own,
from before the synchronizer publishes anything, and applies create/update/delete strictly in
revision order per type (CONTRACT §5, step 3, with the replica starting at revision 0). oslo's
threading executor hands messages to several threads at once, so a notification that arrives
ahead of its turn waits in a buffer; one at or below the replica's revision is a duplicate.

Once --targets-file exists ({"<type>": <revision>, ...}, written by the test after its final sync)
and every type has reached its target, the replica is written to --output as
    {"replicas": {"<type>": {"<id>": <entity>}}, "hashes": {"<type>": {"<id>": "<hash>"}},
     "revisions": {"<type>": <revision>}, "sources": {"<type>": {"poll": n, ...}},
     "duplicates": {"<type>": n}, "pending": {"<type>": [<revision>, ...]}}
and the listener exits 0. At --timeout it writes the same file and exits 3 (the file says how far
each type got). 2 on bad arguments, 1 on other errors.
"""
import argparse
import json
import os
import pathlib
import sys
import threading
import time

from oslo_config import cfg
import oslo_messaging


class TypeReplica(object):
    """One entity type: applied entities, the revision reached, notifications waiting their turn."""

    def __init__(self):
        self.entities = {}
        self.hashes = {}
        self.revision = 0
        self.waiting = {}
        self.sources = {}
        self.duplicates = 0

    def offer(self, payload):
        revision = payload["revision"]
        if revision <= self.revision or revision in self.waiting:
            self.duplicates += 1
            return
        self.waiting[revision] = payload
        while self.revision + 1 in self.waiting:
            self._apply(self.waiting.pop(self.revision + 1))

    def _apply(self, payload):
        entity_id = payload["id"]
        if payload["action"] == "delete":
            self.entities.pop(entity_id, None)
            self.hashes.pop(entity_id, None)
        else:
            self.entities[entity_id] = payload["entity"]
            self.hashes[entity_id] = payload["hash"]
        self.revision = payload["revision"]
        source = payload.get("source", "")
        self.sources[source] = self.sources.get(source, 0) + 1


class Endpoint(object):
    """Only `info` is defined: oslo then declares and consumes the INFO queue only."""

    def __init__(self, types):
        self.lock = threading.Lock()
        self.replicas = dict((t, TypeReplica()) for t in types)

    def info(self, ctxt, publisher_id, event_type, payload, metadata):
        with self.lock:
            replica = self.replicas.get(payload.get("entity_type"))
            if replica is not None:
                replica.offer(payload)
        return oslo_messaging.NotificationResult.HANDLED

    def reached(self, targets):
        with self.lock:
            return all(self.replicas[t].revision >= r for t, r in targets.items())

    def dump(self, path):
        with self.lock:
            document = {
                "replicas": dict((t, r.entities) for t, r in self.replicas.items()),
                "hashes": dict((t, r.hashes) for t, r in self.replicas.items()),
                "revisions": dict((t, r.revision) for t, r in self.replicas.items()),
                "sources": dict((t, r.sources) for t, r in self.replicas.items()),
                "duplicates": dict((t, r.duplicates) for t, r in self.replicas.items()),
                "pending": dict((t, sorted(r.waiting)) for t, r in self.replicas.items()),
            }
        # Written aside and renamed, so the test never reads half a file.
        partial = path + ".partial"
        with open(partial, "w", encoding="utf-8") as output:
            json.dump(document, output, sort_keys=True)
        os.replace(partial, path)


def read_targets(path):
    try:
        with open(path, encoding="utf-8") as targets:
            return json.load(targets)
    except FileNotFoundError:
        return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", required=True, help="oslo transport URL (rabbit://...)")
    parser.add_argument("--exchange", default="synchronizer")
    parser.add_argument("--prefix", default="synchronizer", help="notification_topic_prefix")
    parser.add_argument("--types", required=True, help="comma-separated entity types")
    parser.add_argument("--pool", required=True, help="listener pool (its own queue)")
    parser.add_argument("--ready-file", required=True)
    parser.add_argument("--targets-file", required=True)
    parser.add_argument("--output", required=True)
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds")
    args = parser.parse_args()
    types = [t for t in args.types.split(",") if t]
    if not types:
        parser.error("--types names no entity type")

    cfg.CONF([], project="synchronizer-interop")
    transport = oslo_messaging.get_notification_transport(cfg.CONF, url=args.url)
    targets = [oslo_messaging.Target(exchange=args.exchange, topic="%s.%s" % (args.prefix, t)) for t in types]
    endpoint = Endpoint(types)
    listener = oslo_messaging.get_notification_listener(
        transport, targets, [endpoint], executor="threading", pool=args.pool)
    listener.start()  # returns once the queue is declared and bound
    pathlib.Path(args.ready_file).touch()

    deadline = time.monotonic() + args.timeout
    finished = False
    while time.monotonic() < deadline:
        wanted = read_targets(args.targets_file)
        if wanted is not None and endpoint.reached(wanted):
            finished = True
            break
        time.sleep(0.1)

    listener.stop()
    listener.wait()
    transport.cleanup()
    endpoint.dump(args.output)
    if not finished:
        sys.stderr.write("timeout after %s s: revisions %s, targets %s\n"
                         % (args.timeout, json.dumps(dict((t, r.revision) for t, r in endpoint.replicas.items())),
                            json.dumps(read_targets(args.targets_file))))
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main())
