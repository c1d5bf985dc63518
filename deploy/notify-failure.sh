#!/bin/sh
# Runs $ORIUNDOS_ON_FAILURE (from /etc/oriundos/oriundos.env) for a failed oriundos unit, with the
# environment `oriundos schedule --on-failure` gives its command: ORIUNDOS_RUN_ID (the unit's
# invocation id), ORIUNDOS_REASON (the unit's last log lines), ORIUNDOS_HOME, ORIUNDOS_EXIT_CODE.
# Called by oriundos-failure@.service as: notify-failure.sh UNIT
set -u
unit="$1"
if [ -z "${ORIUNDOS_ON_FAILURE:-}" ]; then
    echo "oriundos: $unit failed; no ORIUNDOS_ON_FAILURE command is configured to tell anyone" >&2
    exit 0
fi
ORIUNDOS_EXIT_CODE="$(systemctl show -p ExecMainStatus --value "$unit")"
ORIUNDOS_RUN_ID="$(systemctl show -p InvocationID --value "$unit")"
ORIUNDOS_REASON="$unit failed with exit code $ORIUNDOS_EXIT_CODE: $(journalctl -u "$unit" -o cat -n 3 --no-pager 2>/dev/null | tr '\n' ' ')"
ORIUNDOS_HOME="${ORIUNDOS_HOME:-/var/lib/oriundos}"
export ORIUNDOS_EXIT_CODE ORIUNDOS_RUN_ID ORIUNDOS_REASON ORIUNDOS_HOME
# bounded, like the schedule's notices: a hung mail server must not hang the unit
exec timeout 60 /bin/sh -c "$ORIUNDOS_ON_FAILURE"
