# Starts a real PostgreSQL server on loopback for the tests that use it as the Spring Batch job
# repository, and exports where to find it:
#
#   ORIUNDOS_TEST_PG_URL       jdbc:postgresql://127.0.0.1:<port>/oriundos_test
#   ORIUNDOS_TEST_PG_USER      oriundos_test
#   ORIUNDOS_TEST_PG_PASSWORD  oriundos_test
#
# Meant to be sourced (`source .ci/postgres.sh`) so the variables reach the test run; running it
# with bash also works and prints the export lines. Safe to run twice: it installs PostgreSQL only
# when missing, reuses its own cluster ("oriundos", never the distribution's "main") and starts it
# only when it is down. Needs root or sudo (apt-get, and the server runs as the postgres user).
#
# Environment: ORIUNDOS_PG_CLUSTER (default oriundos), ORIUNDOS_PG_PORT (default: 5432 if free,
# else the first free port above it), ORIUNDOS_TEST_PG_DB/USER/PASSWORD (default oriundos_test).

__oriundos_pg_setup() (
    set -euo pipefail

    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    local cluster="${ORIUNDOS_PG_CLUSTER:-oriundos}"
    local db="${ORIUNDOS_TEST_PG_DB:-oriundos_test}"
    local user="${ORIUNDOS_TEST_PG_USER:-oriundos_test}"
    local password="${ORIUNDOS_TEST_PG_PASSWORD:-oriundos_test}"

    if ! command -v pg_createcluster >/dev/null 2>&1 || [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]; then
        echo "postgres.sh: installing PostgreSQL" >&2
        $sudo apt-get update -q >&2 || return 1
        $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2 || return 1
    fi
    local version
    version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"

    local port
    port="$(pg_lsclusters -h 2>/dev/null | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c { print $3 }')"
    if [ -z "$port" ]; then
        port="${ORIUNDOS_PG_PORT:-}"
        if [ -z "$port" ]; then
            port=5432
            # A port is taken when a server answers on it or another cluster claims it.
            while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null \
                || pg_lsclusters -h 2>/dev/null | awk '{ print $3 }' | grep -qx "$port"; do
                port=$((port + 1))
            done
        fi
        echo "postgres.sh: creating cluster $version/$cluster on 127.0.0.1:$port" >&2
        $sudo pg_createcluster "$version" "$cluster" --port "$port" >&2 || return 1
        echo "listen_addresses = '127.0.0.1'" \
            | $sudo tee "/etc/postgresql/$version/$cluster/conf.d/oriundos.conf" >/dev/null || return 1
    fi

    local status
    status="$(pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c { print $4 }')"
    if [ "$status" != "online" ]; then
        echo "postgres.sh: starting cluster $version/$cluster" >&2
        $sudo pg_ctlcluster "$version" "$cluster" start >&2 || return 1
    fi
    local tries=0
    until pg_isready -q -h 127.0.0.1 -p "$port"; do
        tries=$((tries + 1))
        if [ "$tries" -gt 60 ]; then
            echo "postgres.sh: PostgreSQL $version/$cluster did not accept connections on 127.0.0.1:$port within 30 s" >&2
            return 1
        fi
        sleep 0.5
    done

    # set -e does not hold inside a function called from `if`, hence the explicit `|| return 1`.
    # Runs SQL as the superuser over the local socket of this cluster.
    __psql() { $sudo runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$port" -d postgres "$@"; }
    if [ "$(__psql -tAc "select 1 from pg_roles where rolname = '$user'")" != "1" ]; then
        __psql -c "create role \"$user\" login password '$password'" >&2 || return 1
    else
        __psql -c "alter role \"$user\" login password '$password'" >&2 || return 1
    fi
    if [ "$(__psql -tAc "select 1 from pg_database where datname = '$db'")" != "1" ]; then
        __psql -c "create database \"$db\" owner \"$user\"" >&2 || return 1
    fi

    echo "export ORIUNDOS_TEST_PG_URL='jdbc:postgresql://127.0.0.1:$port/$db'"
    echo "export ORIUNDOS_TEST_PG_USER='$user'"
    echo "export ORIUNDOS_TEST_PG_PASSWORD='$password'"
)

if __oriundos_pg_exports="$(__oriundos_pg_setup)"; then
    eval "$__oriundos_pg_exports"
    if [ "${BASH_SOURCE[0]}" = "$0" ]; then
        echo "$__oriundos_pg_exports"
    fi
    echo "postgres.sh: PostgreSQL ready at $ORIUNDOS_TEST_PG_URL" >&2
    unset __oriundos_pg_exports
else
    echo "postgres.sh: could not start PostgreSQL (see above)" >&2
    unset __oriundos_pg_exports
    if [ "${BASH_SOURCE[0]}" = "$0" ]; then exit 1; else return 1; fi
fi
