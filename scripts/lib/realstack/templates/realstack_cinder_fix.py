"""Works around cinder 21 + oslo.messaging 14 (REALSTACK.md pitfall 6), without touching package files.

With notifications enabled, the notifier rebuilds a RequestContext from a reduced dict that lacks
read_deleted; cinder's RequestContext.from_dict passes None on, the constructor rejects it ("read_deleted
can only be one of 'no', 'yes' or 'only', not None") and every volume create ends in `error`.
Importing this module makes from_dict default read_deleted to "no". Written by `scripts/realstack install`.
"""
from cinder import context

_original_from_dict = context.RequestContext.from_dict.__func__


def _from_dict(cls, values):
    if values.get("read_deleted") is None:
        values = dict(values, read_deleted="no")
    return _original_from_dict(cls, values)


context.RequestContext.from_dict = classmethod(_from_dict)
