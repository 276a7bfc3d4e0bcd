#!/usr/bin/python3
"""Runs an OpenStack daemon whose Debian package realstack does not install.

Usage: /usr/bin/python3 launch.py nova-compute|cinder-volume|cinder-scheduler [--config-file FILE ...]

The nova-compute and cinder-volume packages would pull libvirt/qemu and lvm2/tgt, yet their Python
code ships in python3-nova / python3-cinder (REALSTACK.md pitfall 1). The cinder daemons also get
the from_dict fix of realstack_cinder_fix (pitfall 6). Written by `scripts/realstack install`.
"""
import importlib
import os
import sys

ENTRY_MODULES = {
    "nova-compute": "nova.cmd.compute",
    "cinder-volume": "cinder.cmd.volume",
    "cinder-scheduler": "cinder.cmd.scheduler",
}


def main():
    if len(sys.argv) < 2 or sys.argv[1] not in ENTRY_MODULES:
        sys.exit("usage: launch.py %s [ARGS...]" % "|".join(sorted(ENTRY_MODULES)))
    name = sys.argv[1]
    # Importing the command module first lets it monkey-patch eventlet before anything else loads.
    module = importlib.import_module(ENTRY_MODULES[name])
    if name.startswith("cinder-"):
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        import realstack_cinder_fix  # noqa: F401  (patches on import)
    sys.argv = [name] + sys.argv[2:]
    return module.main()


if __name__ == "__main__":
    sys.exit(main())
