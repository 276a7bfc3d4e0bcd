# shellcheck shell=bash
# The Debian 12 packages of the realstack tier (REALSTACK.md pitfall 1). nova-compute and cinder-volume
# are deliberately absent: they would pull libvirt/qemu and lvm2/tgt; their Python code comes with
# python3-nova / python3-cinder and scripts/lib/realstack/templates/launch.py runs it.
# shellcheck disable=SC2034  # read by install.sh
REALSTACK_PACKAGES=(
    mariadb-server python3-pymysql
    rabbitmq-server python3-pika
    uwsgi-core uwsgi-plugin-python3
    keystone placement-api glance-api neutron-server
    nova-api nova-conductor nova-scheduler
    cinder-api cinder-scheduler
    heat-api heat-engine
    python3-openstackclient curl jq
)
