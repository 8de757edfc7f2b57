#!/bin/bash
# A private Elasticsearch node for the test suite (and for `make run` if asked), in a scratch
# directory, on a free port. The server is Maven Central's integ-test zip (see ../shared/SERVICES.md).
#   scripts/elasticsearch.sh start DIR   prints the ELASTICSEARCH_URL and writes it to DIR/url
#   scripts/elasticsearch.sh stop DIR    stops it and deletes DIR
#   scripts/elasticsearch.sh pause DIR   stops it and keeps DIR (config and data); a later
#                                        `start DIR` brings the same node back, on its old port if free
#   scripts/elasticsearch.sh start-cluster DIR N
#                                        N nodes (2 or 3) forming one cluster, each in DIR/nodeK; prints
#                                        their addresses comma-separated (an ELASTICSEARCH_URL) and writes
#                                        them to DIR/url; `stop DIR` stops them all
#   scripts/elasticsearch.sh freeze DIR  SIGSTOP: the node keeps its connections open and answers nothing,
#                                        as a node stuck in garbage collection or on a dead disk does
#   scripts/elasticsearch.sh thaw DIR    SIGCONT: the frozen node carries on
#   scripts/elasticsearch.sh kill DIR    SIGKILL: the node dies at once, as in a crash (DIR is kept)
set -euo pipefail
SCRIPT_NAME=elasticsearch
. "$(dirname "$0")/lib.sh"

ES_VERSION=${ES_VERSION:-8.19.21}
ES_ARTIFACT="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip"
START_TIMEOUT_SECONDS=${ES_START_TIMEOUT_SECONDS:-120}

java_home() {
    local candidate
    for candidate in "${ES_JAVA_HOME:-}" /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/java-17-openjdk-*; do
        [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && { echo "$candidate"; return 0; }
    done
    command -v java >/dev/null 2>&1 && { dirname "$(dirname "$(readlink -f "$(command -v java)")")"; return 0; }
    return 1
}

# Unpacks the distribution once into the cache; every run shares it read-only.
es_home() {
    local home zip
    home="$(cache_dir)/elasticsearch-$ES_VERSION"
    if [ ! -x "$home/bin/elasticsearch" ]; then
        zip="$HOME/.m2/repository/org/elasticsearch/distribution/integ-test-zip/elasticsearch/$ES_VERSION/elasticsearch-$ES_VERSION.zip"
        if [ ! -f "$zip" ]; then
            command -v mvn >/dev/null 2>&1 || die "missing: Maven (mvn), needed to fetch Elasticsearch $ES_VERSION from Maven Central (Debian: apt-get install maven)"
            say "fetching Elasticsearch $ES_VERSION from Maven Central"
            mvn -q dependency:get -Dartifact="$ES_ARTIFACT" -Dtransitive=false >&2 \
                || die "could not fetch $ES_ARTIFACT from Maven Central"
        fi
        command -v unzip >/dev/null 2>&1 || apt_install unzip
        mkdir -p "$(cache_dir)"
        chmod 755 "$(cache_dir)"
        local unpack
        unpack=$(mktemp -d "$(cache_dir)/unpack.XXXXXX")
        unzip -q "$zip" -d "$unpack" || die "could not unpack $zip"
        rm -rf "$home"
        mv "$unpack/elasticsearch-$ES_VERSION" "$home"
        rm -rf "$unpack"
        chmod -R a+rX "$home"
    fi
    echo "$home"
}

answers() {
    python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=3)' "$1" >/dev/null 2>&1
}

PLUGIN_SOURCE="$(cd "$(dirname "$0")/.." && pwd)/search/analysis_plugin"
PLUGIN_NAME=commons-analysis

# A fingerprint of the plugin's source: the plugin is rebuilt only when it changes.
plugin_source_hash() {
    (cd "$PLUGIN_SOURCE" && find pom.xml src -type f | LC_ALL=C sort | xargs sha256sum) \
        | sha256sum | cut -c1-16
}

# Builds the analysis plugin zip when its source changed; prints the zip's path.
plugin_zip() {
    local jhome=$1 hash zip
    hash=$(plugin_source_hash)
    zip="$(cache_dir)/plugins/$PLUGIN_NAME-$hash.zip"
    if [ ! -f "$zip" ]; then
        command -v mvn >/dev/null 2>&1 || die "missing: Maven (mvn), needed to build the analysis plugin (Debian: apt-get install maven)"
        say "building the analysis plugin (its source changed)"
        (cd "$PLUGIN_SOURCE" && JAVA_HOME="$jhome" mvn -q -B -DskipTests package >&2) \
            || die "the analysis plugin did not build (mvn output above)"
        mkdir -p "$(dirname "$zip")"
        cp "$PLUGIN_SOURCE"/target/commons-analysis-plugin-*.zip "$zip"
    fi
    echo "$zip"
}

# Installs the plugin into the shared distribution unless this very build is installed already.
plugin_install() {
    local home=$1 zip=$2 marker
    # Beside the plugins folder, not in it: Elasticsearch takes everything in it for a plugin.
    marker="$home/.$PLUGIN_NAME-installed"
    if [ -f "$marker" ] && [ "$(cat "$marker")" = "$(basename "$zip")" ]; then
        return 0
    fi
    if [ -d "$home/plugins/$PLUGIN_NAME" ]; then
        ES_JAVA_HOME="$JAVA_FOR_ES" "$home/bin/elasticsearch-plugin" remove --purge "$PLUGIN_NAME" >&2 \
            || die "could not remove the old analysis plugin"
    fi
    ES_JAVA_HOME="$JAVA_FOR_ES" "$home/bin/elasticsearch-plugin" install --batch "file://$zip" >&2 \
        || die "could not install the analysis plugin from $zip"
    basename "$zip" >"$marker"
    chmod -R a+rX "$home/plugins"
}

# The distribution with the analysis plugin installed, and the user the nodes run as.
prepare() {
    JAVA_FOR_ES=$(java_home) || die "missing: a Java 17 runtime for Elasticsearch (Debian: apt-get install openjdk-17-jre-headless)"
    ES_HOME=$(es_home)
    # Two runs at once must not build or install into the shared distribution together.
    mkdir -p "$(cache_dir)"
    exec 9>"$(cache_dir)/.plugin.lock"
    flock 9
    local zip
    zip=$(plugin_zip "$JAVA_FOR_ES")
    plugin_install "$ES_HOME" "$zip"
    flock -u 9
    ensure_service_user
}

# Starts one node in DIR (DIR/port and DIR/transport_port already written); the arguments after
# DIR say how it finds its cluster.
launch() {
    local dir=$1 heap=$2
    shift 2
    mkdir -p "$dir/data" "$dir/logs"
    # A paused node keeps its config and data; only a new one gets a fresh copy of the config.
    [ -d "$dir/config" ] || cp -R "$ES_HOME/config" "$dir/config"
    chmod 755 "$dir"
    give_to_service "$dir"
    as_service env ES_JAVA_HOME="$JAVA_FOR_ES" ES_PATH_CONF="$dir/config" \
        ES_JAVA_OPTS="${ES_JAVA_OPTS:-$heap}" \
        "$ES_HOME/bin/elasticsearch" -d -p "$dir/elasticsearch.pid" \
        -Ecluster.name="$(cat "$dir/cluster_name")" "$@" \
        -Enetwork.host=127.0.0.1 \
        -Ehttp.port="$(cat "$dir/port")" -Etransport.port="$(cat "$dir/transport_port")" \
        -Epath.data="$dir/data" -Epath.logs="$dir/logs" \
        -Expack.security.enabled=false \
        -Ecluster.routing.allocation.disk.threshold_enabled=false \
        -Eaction.destructive_requires_name=false \
        >"$dir/startup.log" 2>&1 || { cat "$dir/startup.log" >&2; die "Elasticsearch did not start (output above)"; }
}

# Waits until URL's cluster is yellow or green (with at least NODES nodes); stops DIR on failure.
await_health() {
    local dir=$1 url=$2 nodes=${3:-1} waited=0
    until answers "$url/_cluster/health?wait_for_status=yellow&wait_for_nodes=$nodes&timeout=1s"; do
        sleep 1
        waited=$((waited + 1))
        if [ "$waited" -ge "$START_TIMEOUT_SECONDS" ]; then
            tail -n 30 "$dir"/logs/*.log "$dir"/node*/logs/*.log >&2 2>/dev/null || true
            stop "$dir"
            die "Elasticsearch did not answer on $url within ${START_TIMEOUT_SECONDS}s (log above)"
        fi
    done
}

start() {
    local dir=$1 port transport_port
    prepare
    mkdir -p "$dir"
    port=$(previous_port "$dir/port") || port=$(free_port)
    transport_port=$(previous_port "$dir/transport_port") || transport_port=$(free_port)
    echo "$port" >"$dir/port"
    echo "$transport_port" >"$dir/transport_port"
    # The data belongs to the cluster it was written by: a restarted node keeps its name.
    [ -f "$dir/cluster_name" ] || echo "commons-$port" >"$dir/cluster_name"
    launch "$dir" "-Xms512m -Xmx512m" -Enode.name=commons-test -Ediscovery.type=single-node
    local url="http://127.0.0.1:$port"
    await_health "$dir" "$url"
    echo "$url" | tee "$dir/url"
}

# N master-eligible nodes on free ports, one cluster. Small heaps and one processor each: the
# machines running the tests have two cores and other work to do.
start_cluster() {
    local dir=$1 count=$2 k seeds="" masters="" urls="" port
    [[ "$count" =~ ^[1-9]$ ]] || die "usage: elasticsearch.sh start-cluster DIR N (N from 1 to 9)"
    prepare
    mkdir -p "$dir"
    chmod 755 "$dir"
    for k in $(seq 1 "$count"); do
        mkdir -p "$dir/node$k"
        distinct_free_port "$dir" >"$dir/node$k/port"
        distinct_free_port "$dir" >"$dir/node$k/transport_port"
        echo "commons-cluster-$(cat "$dir/node1/port")" >"$dir/node$k/cluster_name"
        seeds="$seeds${seeds:+,}127.0.0.1:$(cat "$dir/node$k/transport_port")"
        masters="$masters${masters:+,}node$k"
        urls="$urls${urls:+,}http://127.0.0.1:$(cat "$dir/node$k/port")"
    done
    for k in $(seq 1 "$count"); do
        launch "$dir/node$k" "-Xms384m -Xmx384m" -Enode.name="node$k" -Enode.processors=1 \
            -Ediscovery.seed_hosts="$seeds" -Ecluster.initial_master_nodes="$masters"
    done
    port=$(cat "$dir/node1/port")
    await_health "$dir" "http://127.0.0.1:$port" "$count"
    echo "$urls" | tee "$dir/url"
}

# A free port that no node in DIR has been given yet (free_port may hand out one twice in a row,
# since nothing is listening on it until the nodes start).
distinct_free_port() {
    local dir=$1 port
    while :; do
        port=$(free_port)
        grep -qx "$port" "$dir"/node*/port "$dir"/node*/transport_port 2>/dev/null || break
    done
    echo "$port"
}

signal() {
    local dir=$1 sig=$2
    [ -f "$dir/elasticsearch.pid" ] || die "no node is running in $dir"
    kill "-$sig" "$(cat "$dir/elasticsearch.pid")" || die "could not send SIG$sig to the node in $dir"
}

# The port a paused node used, if it was recorded and nothing else has taken it since.
previous_port() {
    local file=$1
    [ -f "$file" ] || return 1
    # SO_REUSEADDR as Elasticsearch binds: the old node's closed connections may linger in TIME_WAIT.
    python3 -c 'import socket, sys
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1])))
s.close()
print(sys.argv[1])' "$(cat "$file")" 2>/dev/null
}

# Stops the node and waits for it to go; keeps DIR.
halt() {
    local dir=$1 pid waited=0
    if [ -f "$dir/elasticsearch.pid" ]; then
        pid=$(cat "$dir/elasticsearch.pid")
        # A frozen node must be thawed to hear the request to stop.
        kill -CONT "$pid" 2>/dev/null || true
        kill "$pid" 2>/dev/null || true
        while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt 30 ]; do
            sleep 1
            waited=$((waited + 1))
        done
        kill -9 "$pid" 2>/dev/null || true
        rm -f "$dir/elasticsearch.pid"
    fi
}

pause() {
    local dir=$1
    [ -d "$dir" ] || return 0
    halt "$dir"
}

stop() {
    local dir=$1 node
    [ -d "$dir" ] || return 0
    for node in "$dir"/node*/; do
        [ -d "$node" ] && halt "${node%/}"
    done
    halt "$dir"
    rm -rf "$dir"
}

case "${1:-}" in
    start) start "${2:?usage: elasticsearch.sh start DIR}" ;;
    start-cluster) start_cluster "${2:?usage: elasticsearch.sh start-cluster DIR N}" "${3:?usage: elasticsearch.sh start-cluster DIR N}" ;;
    stop) stop "${2:?usage: elasticsearch.sh stop DIR}" ;;
    pause) pause "${2:?usage: elasticsearch.sh pause DIR}" ;;
    freeze) signal "${2:?usage: elasticsearch.sh freeze DIR}" STOP ;;
    thaw) signal "${2:?usage: elasticsearch.sh thaw DIR}" CONT ;;
    kill) signal "${2:?usage: elasticsearch.sh kill DIR}" KILL ;;
    *) echo "usage: $0 start|stop|pause|freeze|thaw|kill DIR, or start-cluster DIR N" >&2; exit 2 ;;
esac
