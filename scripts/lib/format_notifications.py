"""Formats the JSON lines of tests/interop/oslo_notification_listener.py as one short line each.

Used by scripts/run: "revision  event type  id  changed fields".
"""
import json
import sys

for line in sys.stdin:
    try:
        note = json.loads(line)
    except ValueError:
        continue
    payload = note.get("payload", {})
    fields = ",".join(payload.get("changed_fields") or [])
    name = (payload.get("entity") or {}).get("name", "")
    print(f"r{payload.get('revision', '?'):>7}  {note.get('event_type', '?'):<22} {payload.get('id', '?')}  {name:<24} {fields}",
          flush=True)
